import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../../shared/schemas/common";
import { dataElementCreate, dataElementUpdate, dataElementView } from "../../../shared/schemas/data";
import { forStaff, PUBLIC_ROUTE, requestContext, requireStaff } from "../../http/auth-plugin";
import type { DataElementService } from "./data-element.service";

const codeParam = z.strictObject({ code: z.string().max(80) });

/** 数据元目录: a published standard anyone may read; city data administrators maintain it. */
export const dataElementRoutes: FastifyPluginAsyncZod<{ dataElements: DataElementService }> = async (app, { dataElements }) => {
  app.get(
    "/data-elements",
    { config: PUBLIC_ROUTE, schema: { tags: ["data"], summary: "数据元目录 The data-element dictionary", security: [], response: { 200: z.object({ items: z.array(dataElementView) }) } } },
    async () => ({ items: await dataElements.list() }),
  );
  app.get(
    "/data-elements/:code",
    { config: PUBLIC_ROUTE, schema: { tags: ["data"], summary: "数据元 One data element", security: [], params: codeParam, response: { 200: dataElementView, 404: errorBody } } },
    async (req) => dataElements.get(req.params.code),
  );
  app.post(
    "/admin/data-elements",
    { config: forStaff("data_admin", "sys_admin"), schema: { tags: ["data"], summary: "新增数据元 Add a data element (city data administrators)", body: dataElementCreate, response: { 201: dataElementView, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody } } },
    async (req, reply) => reply.code(201).send(await dataElements.create(requireStaff(req), req.body.code, req.body.element, requestContext(req))),
  );
  app.put(
    "/admin/data-elements/:code",
    { config: forStaff("data_admin", "sys_admin"), schema: { tags: ["data"], summary: "修改数据元 Change a data element (city data administrators; lockVersion detects concurrent edits)", params: codeParam, body: dataElementUpdate, response: { 200: dataElementView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } } },
    async (req) => dataElements.update(requireStaff(req), req.params.code, req.body.element, req.body.lockVersion, requestContext(req)),
  );
};
