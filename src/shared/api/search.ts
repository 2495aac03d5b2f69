import { uuid } from "../schemas/common";
import { z } from "zod";
import { searchQuery, searchResponse } from "../schemas/search";
import { anyone, staff, endpoint } from "./endpoint";

export const answerBody = z.strictObject({
    question: z.string().trim().min(2).max(200),
    answer: z.string().trim().min(2).max(2000),
    tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
    basicCode: z.string().trim().toUpperCase().nullable().default(null),
  });
export const answer = z.object({ id: z.string(), question: z.string(), answer: z.string(), tags: z.array(z.string()), basicCode: z.string().nullable(), updatedAt: z.string() });
export const synonym = z.object({ term: z.string(), expansions: z.array(z.string()), updatedAt: z.string() });

/** The endpoints of modules/search/search.routes.ts. */
export const searchEndpoints = {
  getSearch: endpoint({
    method: "GET",
    path: "/search",
    access: anyone,
    tags: ["search"],
    summary: "统一搜索 Search services, policies and answers (synonyms, pinyin, one-character tolerance)",
    query: searchQuery,
    response: searchResponse,
  }),
  getSearchSuggest: endpoint({
    method: "GET",
    path: "/search/suggest",
    access: anyone,
    tags: ["search"],
    summary: "搜索联想 Suggestions while typing (prefix or pinyin prefix)",
    query: z.strictObject({ q: z.string().trim().min(1).max(50) }),
    response: z.object({ suggestions: z.array(z.string()) }),
  }),
  getSearchSynonyms: endpoint({
    method: "GET",
    path: "/search/synonyms",
    access: anyone,
    tags: ["search"],
    summary: "同义词词典 The synonym dictionary",
    response: z.object({ items: z.array(synonym) }),
  }),
  getSearchAnswers: endpoint({
    method: "GET",
    path: "/search/answers",
    access: anyone,
    tags: ["search"],
    summary: "知识库问答 Knowledge answers",
    response: z.object({ items: z.array(answer) }),
  }),
  postSearchAnswers: endpoint({
    method: "POST",
    path: "/search/answers",
    access: staff("catalog_admin"),
    tags: ["search"],
    summary: "新增问答 Add a knowledge answer (city-level 事项管理员)",
    body: answerBody,
    response: z.object({ id: z.string() }),
    status: 201,
  }),
  putSearchAnswersById: endpoint({
    method: "PUT",
    path: "/search/answers/:id",
    access: staff("catalog_admin"),
    tags: ["search"],
    summary: "修改问答 Change a knowledge answer",
    params: z.strictObject({ id: uuid }),
    body: answerBody,
    response: z.object({ id: z.string() }),
  }),
  deleteSearchAnswersById: endpoint({
    method: "DELETE",
    path: "/search/answers/:id",
    access: staff("catalog_admin"),
    tags: ["search"],
    summary: "删除问答 Remove a knowledge answer",
    params: z.strictObject({ id: uuid }),
    response: z.object({ ok: z.literal(true) }),
  }),
  putSearchSynonymsByTerm: endpoint({
    method: "PUT",
    path: "/search/synonyms/:term",
    access: staff("catalog_admin"),
    tags: ["search"],
    summary: "设置同义词 Set an everyday word's official terms (city-level 事项管理员)",
    params: z.strictObject({ term: z.string().trim().min(1).max(20) }),
    body: z.strictObject({ expansions: z.array(z.string().trim().min(1).max(30)).min(1).max(10) }),
    response: z.object({ ok: z.literal(true) }),
  }),
  deleteSearchSynonymsByTerm: endpoint({
    method: "DELETE",
    path: "/search/synonyms/:term",
    access: staff("catalog_admin"),
    tags: ["search"],
    summary: "删除同义词 Remove an everyday word",
    params: z.strictObject({ term: z.string().trim().min(1).max(20) }),
    response: z.object({ ok: z.literal(true) }),
  }),
};
