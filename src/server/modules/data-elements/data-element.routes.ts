import type { FastifyPluginAsync } from "fastify";
import { dataElementEndpoints as api } from "../../../shared/api/data-element";
import { route } from "../../http/endpoints";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import type { DataElementService } from "./data-element.service";

/** 数据元目录: a published standard anyone may read; city data administrators maintain it. */
export const dataElementRoutes: FastifyPluginAsync<{ dataElements: DataElementService }> = async (app, { dataElements }) => {
  route(app, api.getDataElements, async () => ({ items: await dataElements.list() }));
  route(app, api.getDataElementsByCode, async (req) => dataElements.get(req.params.code));
  route(app, api.postAdminDataElements, async (req, reply) => reply.code(201).send(await dataElements.create(requireStaff(req), req.body.code, req.body.element, requestContext(req))));
  route(app, api.putAdminDataElementsByCode, async (req) => dataElements.update(requireStaff(req), req.params.code, req.body.element, req.body.lockVersion, requestContext(req)));
};
