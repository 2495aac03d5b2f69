import type { FastifyPluginAsync } from "fastify";
import { staffEndpoints as api } from "../../../shared/api/staff";
import { route } from "../../http/endpoints";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import type { StaffService } from "./staff.service";

export const staffRoutes: FastifyPluginAsync<{ staff: StaffService }> = async (app, { staff }) => {
  route(app, api.getStaff, async (req) => staff.list(requireStaff(req, "sys_admin"), req.query.q, req.query.limit, req.query.offset));
  route(app, api.postStaff, (req) => staff.create(requireStaff(req, "sys_admin"), req.body, requestContext(req)));
  route(app, api.patchStaffById, async (req) => staff.update(requireStaff(req, "sys_admin"), req.params.id, req.body, requestContext(req)));
  route(app, api.putStaffByIdPostsByOrgId, async (req) => ({ posts: await staff.setPost(requireStaff(req, "sys_admin"), req.params.id, req.params.orgId, req.body.roles, requestContext(req)) }));
  route(app, api.deleteStaffByIdPostsByOrgId, async (req) => ({ posts: await staff.setPost(requireStaff(req, "sys_admin"), req.params.id, req.params.orgId, null, requestContext(req)) }));
};
