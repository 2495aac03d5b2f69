import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { changeOf, errorBody, int32, LIMITS, pageQuery, uuid } from "../../../shared/schemas/common";
import { dataAccessRecord } from "../../../shared/schemas/identity";
import { prefillRequest, prefillResponse, sharingRuleInput, sharingRuleView } from "../../../shared/schemas/data";
import { forCitizen, forStaff, requestContext, requireCitizen, requireSession, requireStaff } from "../../http/auth-plugin";
import { requestLang } from "../../http/lang";
import type { DataAccessService } from "./data-access.service";
import type { PrefillService } from "./prefill.service";
import type { SharingRuleService } from "./sharing-rule.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** 授权预填 for applicants; 共享目录 (sharing rules) for data administrators; 我的数据使用记录 for everyone signed in. */
export const sharingRoutes: FastifyPluginAsyncZod<{ prefills: PrefillService; rules: SharingRuleService; dataAccess: DataAccessService }> = async (app, { prefills, rules, dataAccess }) => {
  app.get(
    "/me/data-access",
    {
      schema: {
        tags: ["identity"],
        summary: "我的数据使用记录 Who used my personal data, when and why",
        querystring: pageQuery,
        response: { 200: z.object({ items: z.array(dataAccessRecord), total: int32 }), ...errors },
      },
    },
    async (req) => {
      const session = requireSession(req);
      return dataAccess.listForMe(session.actor, requestLang(req), req.query.limit, req.query.offset);
    },
  );

  app.post(
    "/catalogue/items/:id/prefill",
    {
      config: forCitizen,
      schema: {
        tags: ["data"],
        summary: "授权预填 With the applicant's consent, fill the item's form from the registries and certificates (each value with its source; the read is logged)",
        params: z.strictObject({ id: uuid }),
        body: prefillRequest,
        response: { 200: prefillResponse, ...errors },
      },
    },
    async (req) => prefills.prefill(requireCitizen(req), req.params.id, requestContext(req)),
  );
  app.get(
    "/admin/sharing-rules",
    {
      config: forStaff("data_admin", "sys_admin"),
      schema: {
        tags: ["data"],
        summary: "共享目录 Sharing rules of organisations in one's subtree (data administrators)",
        querystring: z.strictObject({ itemCode: z.string().regex(/^[A-Z]{2}\d{8}$/).optional(), limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50), offset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ items: z.array(sharingRuleView) }), ...errors },
      },
    },
    async (req) => ({ items: await rules.list(requireStaff(req), { itemCode: req.query.itemCode ?? null, limit: req.query.limit, offset: req.query.offset }, requestLang(req)) }),
  );
  app.post(
    "/admin/sharing-rules",
    { config: forStaff("data_admin", "sys_admin"), schema: { tags: ["data"], summary: "新增共享规则 Add a sharing rule (data administrators above the org)", body: sharingRuleInput, response: { 201: sharingRuleView, ...errors } } },
    async (req, reply) => reply.code(201).send(await rules.create(requireStaff(req), req.body, requestContext(req), requestLang(req))),
  );
  app.patch(
    "/admin/sharing-rules/:id",
    {
      config: forStaff("data_admin", "sys_admin"),
      schema: {
        tags: ["data"],
        summary: "修改共享规则 Change a rule's elements or note, suspend or reactivate it",
        params: z.strictObject({ id: uuid }),
        body: changeOf(z.strictObject({ elements: sharingRuleInput.shape.elements.optional(), status: z.enum(["active", "suspended"]).optional(), note: z.string().trim().max(200).optional() }), ["elements", "status", "note"]),
        response: { 200: sharingRuleView, ...errors },
      },
    },
    async (req) => rules.update(requireStaff(req), req.params.id, req.body, requestContext(req), requestLang(req)),
  );
};
