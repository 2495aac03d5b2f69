import { registryImportView, registryQuality } from "../schemas/data";
import { z } from "zod";
import { IMPORTABLE } from "../registries";
import { staff, endpoint } from "./endpoint";

export const registryParam = z.strictObject({ registry: z.enum(IMPORTABLE) });

/** The endpoints of modules/registry/registry-import.routes.ts. */
export const registryImportEndpoints = {
  postAdminRegistriesByRegistryImports: endpoint({
    errors: [413, 415],
    method: "POST",
    path: "/admin/registries/:registry/imports",
    access: staff("data_admin", "sys_admin"),
    tags: ["data"],
    summary: "导入基础库 Load a registry from a CSV or .xlsx file (body = the file; x-file-name optional): every row is checked; all apply, or none with a report of each bad row",
    params: registryParam,
    query: z.strictObject({ source: z.string().trim().min(2).max(40) }),
    response: z.object({ importId: z.string(), rows: z.number(), inserted: z.number(), updated: z.number() }),
  }),
  getAdminRegistriesByRegistryTemplate: endpoint({
    method: "GET",
    path: "/admin/registries/:registry/template",
    access: staff("data_admin", "sys_admin"),
    tags: ["data"],
    summary: "导入模板 The CSV template (header row) of a registry",
    params: registryParam,
  }),
  getAdminRegistriesImports: endpoint({
    method: "GET",
    path: "/admin/registries/imports",
    access: staff("data_admin", "sys_admin"),
    tags: ["data"],
    summary: "导入记录 The latest registry imports, applied and rejected",
    response: z.object({ items: z.array(registryImportView) }),
  }),
  getAdminRegistriesQuality: endpoint({
    method: "GET",
    path: "/admin/registries/quality",
    access: staff("data_admin", "sys_admin"),
    tags: ["data"],
    summary: "数据质量 Completeness, validity, freshness and conflicts between sources, per registry and source department",
    response: z.object({ items: z.array(registryQuality) }),
  }),
};
