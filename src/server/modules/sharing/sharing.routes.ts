import type { FastifyPluginAsync } from "fastify";
import { sharingEndpoints as api } from "../../../shared/api/sharing";
import { route } from "../../http/endpoints";
import { requestContext, requireCitizen, requireSession, requireStaff } from "../../http/auth-plugin";
import { requestLang } from "../../http/lang";
import type { DataAccessService } from "./data-access.service";
import type { PrefillService } from "./prefill.service";
import type { SharingRuleService } from "./sharing-rule.service";

/** 授权预填 for applicants; 共享目录 (sharing rules) for data administrators; 我的数据使用记录 for everyone signed in. */
export const sharingRoutes: FastifyPluginAsync<{ prefills: PrefillService; rules: SharingRuleService; dataAccess: DataAccessService }> = async (app, { prefills, rules, dataAccess }) => {
  route(app, api.getMeDataAccess, async (req) => {
    const session = requireSession(req);
    return dataAccess.listForMe(session.actor, requestLang(req), req.query.limit, req.query.offset);
  });
  route(app, api.postCatalogueItemsByIdPrefill, async (req) => prefills.prefill(requireCitizen(req), req.params.id, requestContext(req), req.body.selfRoles ?? []));
  route(app, api.getAdminSharingRules, async (req) => ({ items: await rules.list(requireStaff(req), { itemCode: req.query.itemCode ?? null, limit: req.query.limit, offset: req.query.offset }, requestLang(req)) }));
  route(app, api.postAdminSharingRules, async (req, reply) => reply.code(201).send(await rules.create(requireStaff(req), req.body, requestContext(req), requestLang(req))));
  route(app, api.patchAdminSharingRulesById, async (req) => rules.update(requireStaff(req), req.params.id, req.body, requestContext(req), requestLang(req)));
};
