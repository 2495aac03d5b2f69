import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, uuid } from "../../../shared/schemas/common";
import { searchQuery, searchResponse } from "../../../shared/schemas/search";
import { forStaff, PUBLIC_ROUTE as PUBLIC, requestContext, requireStaff } from "../../http/auth-plugin";
import type { SearchService } from "./search.service";
import type { SearchVocabularyService } from "./vocabulary.service";

/** Unified search, suggestions, and the vocabulary administrators maintain (synonyms, answers). */
export const searchRoutes: FastifyPluginAsyncZod<{ search: SearchService; vocabulary: SearchVocabularyService }> = async (app, deps) => {
  app.get(
    "/search",
    {
      config: PUBLIC,
      schema: {
        tags: ["search"],
        summary: "统一搜索 Search services, policies and answers (synonyms, pinyin, one-character tolerance)",
        querystring: searchQuery,
        response: { 200: searchResponse, 400: errorBody },
      },
    },
    async (req) => {
      const started = performance.now();
      const { q, type, limit, offset, ...filters } = req.query;
      const result = await deps.search.search(q, { types: type ? [type] : undefined, filters, limit, offset });
      return {
        total: result.total,
        understoodAs: result.understoodAs,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
        hits: result.hits.map((h) => ({
          type: h.doc.type,
          id: h.doc.id,
          title: h.title,
          snippet: h.snippet,
          score: h.score,
          basicCode: h.doc.payload.basicCode ?? null,
          implCode: h.doc.payload.implCode ?? null,
          orgName: h.doc.payload.orgName ?? null,
          level: h.doc.payload.level ?? null,
          kind: h.doc.payload.kind ?? null,
          docNumber: h.doc.payload.docNumber ?? null,
          status: h.doc.payload.status ?? null,
          issuer: h.doc.payload.issuer ?? null,
          answer: h.doc.payload.answer ?? null,
          alsoAt: h.alternatives.slice(0, 20).map((a) => ({ id: a.id, orgName: a.payload.orgName ?? "", level: a.payload.level ?? "" })),
        })),
      };
    },
  );

  app.get(
    "/search/suggest",
    {
      config: PUBLIC,
      schema: {
        tags: ["search"],
        summary: "搜索联想 Suggestions while typing (prefix or pinyin prefix)",
        querystring: z.strictObject({ q: z.string().trim().min(1).max(50) }),
        response: { 200: z.object({ suggestions: z.array(z.string()) }), 400: errorBody },
      },
    },
    async (req) => ({ suggestions: await deps.search.suggest(req.query.q) }),
  );

  const synonym = z.object({ term: z.string(), expansions: z.array(z.string()), updatedAt: z.string() });
  app.get(
    "/search/synonyms",
    { config: PUBLIC, schema: { tags: ["search"], summary: "同义词词典 The synonym dictionary", response: { 200: z.object({ items: z.array(synonym) }) } } },
    async () => ({ items: await deps.vocabulary.list() }),
  );
  const answer = z.object({ id: z.string(), question: z.string(), answer: z.string(), tags: z.array(z.string()), basicCode: z.string().nullable(), updatedAt: z.string() });
  const answerBody = z.strictObject({
    question: z.string().trim().min(2).max(200),
    answer: z.string().trim().min(2).max(2000),
    tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
    basicCode: z.string().trim().toUpperCase().nullable().default(null),
  });
  app.get(
    "/search/answers",
    { config: PUBLIC, schema: { tags: ["search"], summary: "知识库问答 Knowledge answers", response: { 200: z.object({ items: z.array(answer) }) } } },
    async () => ({ items: await deps.vocabulary.listAnswers() }),
  );
  app.post(
    "/search/answers",
    {
      config: forStaff("catalog_admin"),
      schema: { tags: ["search"], summary: "新增问答 Add a knowledge answer (city-level 事项管理员)", body: answerBody, response: { 201: z.object({ id: z.string() }), 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody } },
    },
    async (req, reply) => reply.status(201).send(await deps.vocabulary.saveAnswer(requireStaff(req, "catalog_admin"), null, req.body, requestContext(req))),
  );
  app.put(
    "/search/answers/:id",
    {
      config: forStaff("catalog_admin"),
      schema: { tags: ["search"], summary: "修改问答 Change a knowledge answer", params: z.strictObject({ id: uuid }), body: answerBody, response: { 200: z.object({ id: z.string() }), 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody } },
    },
    async (req) => deps.vocabulary.saveAnswer(requireStaff(req, "catalog_admin"), req.params.id, req.body, requestContext(req)),
  );
  app.delete(
    "/search/answers/:id",
    { config: forStaff("catalog_admin"), schema: { tags: ["search"], summary: "删除问答 Remove a knowledge answer", params: z.strictObject({ id: uuid }), response: { 200: z.object({ ok: z.literal(true) }), 401: errorBody, 403: errorBody, 404: errorBody } } },
    async (req) => {
      await deps.vocabulary.removeAnswer(requireStaff(req, "catalog_admin"), req.params.id, requestContext(req));
      return { ok: true as const };
    },
  );
  app.put(
    "/search/synonyms/:term",
    {
      config: forStaff("catalog_admin"),
      schema: {
        tags: ["search"],
        summary: "设置同义词 Set an everyday word's official terms (city-level 事项管理员)",
        params: z.strictObject({ term: z.string().trim().min(1).max(20) }),
        body: z.strictObject({ expansions: z.array(z.string().trim().min(1).max(30)).min(1).max(10) }),
        response: { 200: z.object({ ok: z.literal(true) }), 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (req) => {
      await deps.vocabulary.put(requireStaff(req, "catalog_admin"), req.params.term, req.body.expansions, requestContext(req));
      return { ok: true as const };
    },
  );
  app.delete(
    "/search/synonyms/:term",
    {
      config: forStaff("catalog_admin"),
      schema: {
        tags: ["search"],
        summary: "删除同义词 Remove an everyday word",
        params: z.strictObject({ term: z.string().trim().min(1).max(20) }),
        response: { 200: z.object({ ok: z.literal(true) }), 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (req) => {
      await deps.vocabulary.remove(requireStaff(req, "catalog_admin"), req.params.term, requestContext(req));
      return { ok: true as const };
    },
  );
};
