import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, int32, uuid } from "../../../shared/schemas/common";
import { createStaffRequest, staffListQuery, staffMember, updateStaffRequest } from "../../../shared/schemas/staff";
import { forStaff, requestContext, requireStaff } from "../../http/auth-plugin";
import type { StaffService } from "./staff.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export const staffRoutes: FastifyPluginAsyncZod<{ staff: StaffService }> = async (app, { staff }) => {
  app.get(
    "/staff",
    {
      config: forStaff("sys_admin"),
      schema: {
        tags: ["staff"],
        summary: "工作人员列表 Staff in the administrator's org subtree",
        querystring: staffListQuery,
        response: { 200: z.object({ items: z.array(staffMember), total: int32 }), ...errors },
      },
    },
    async (req) => staff.list(requireStaff(req, "sys_admin"), req.query.q, req.query.limit, req.query.offset),
  );

  app.post(
    "/staff",
    {
      config: forStaff("sys_admin"),
      schema: {
        tags: ["staff"],
        summary: "新增工作人员 Create a staff account in one's subtree",
        body: createStaffRequest,
        response: { 201: staffMember, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await staff.create(requireStaff(req, "sys_admin"), req.body, requestContext(req))),
  );

  app.patch(
    "/staff/:id",
    {
      config: forStaff("sys_admin"),
      schema: {
        tags: ["staff"],
        summary: "修改工作人员 Change name, org, roles or disable; `version` guards against concurrent edits",
        params: z.strictObject({ id: uuid }),
        body: updateStaffRequest,
        response: { 200: staffMember, ...errors },
      },
    },
    async (req) => staff.update(requireStaff(req, "sys_admin"), req.params.id, req.body, requestContext(req)),
  );
};
