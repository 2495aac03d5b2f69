import { ROLE_CODES } from "../roles";
import { createStaffRequest, staffListQuery, staffMember, updateStaffRequest } from "../schemas/staff";
import { int32, uuid } from "../schemas/common";
import { z } from "zod";
import { staff, endpoint } from "./endpoint";


/** The endpoints of modules/identity/staff.routes.ts. */
export const staffEndpoints = {
  getStaff: endpoint({
    method: "GET",
    path: "/staff",
    access: staff("sys_admin"),
    tags: ["staff"],
    summary: "工作人员列表 Staff in the administrator's org subtree",
    query: staffListQuery,
    response: z.object({ items: z.array(staffMember), total: int32 }),
  }),
  postStaff: endpoint({
    method: "POST",
    path: "/staff",
    access: staff("sys_admin"),
    tags: ["staff"],
    summary: "新增工作人员 Create a staff account in one's subtree",
    body: createStaffRequest,
    response: staffMember,
    status: 201,
  }),
  patchStaffById: endpoint({
    method: "PATCH",
    path: "/staff/:id",
    access: staff("sys_admin"),
    tags: ["staff"],
    summary: "修改工作人员 Change name, org, roles or disable; `version` guards against concurrent edits",
    params: z.strictObject({ id: uuid }),
    body: updateStaffRequest,
    response: staffMember,
  }),
  putStaffByIdPostsByOrgId: endpoint({
    method: "PUT",
    path: "/staff/:id/posts/:orgId",
    access: staff("sys_admin"),
    tags: ["staff"],
    summary: "一人多岗 Give a staff member a further post — another organisation of the administrator's subtree, with its roles — or change its roles",
    params: z.strictObject({ id: uuid, orgId: uuid }),
    body: z.strictObject({ roles: z.array(z.enum(ROLE_CODES)).min(1).max(ROLE_CODES.length) }),
    response: z.object({ posts: z.array(z.object({ orgId: z.string(), orgName: z.string(), roles: z.array(z.string()) })) }),
  }),
  deleteStaffByIdPostsByOrgId: endpoint({
    method: "DELETE",
    path: "/staff/:id/posts/:orgId",
    access: staff("sys_admin"),
    tags: ["staff"],
    summary: "一人多岗 Take a further post away (sessions working in it fall back to the own organisation at once)",
    params: z.strictObject({ id: uuid, orgId: uuid }),
    response: z.object({ posts: z.array(z.object({ orgId: z.string(), orgName: z.string(), roles: z.array(z.string()) })) }),
  }),
};
