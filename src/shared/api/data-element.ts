import { dataElementCreate, dataElementUpdate, dataElementView } from "../schemas/data";
import { z } from "zod";
import { anyone, staff, endpoint } from "./endpoint";

export const codeParam = z.strictObject({ code: z.string().max(80) });

/** The endpoints of modules/data-elements/data-element.routes.ts. */
export const dataElementEndpoints = {
  getDataElements: endpoint({
    method: "GET",
    path: "/data-elements",
    access: anyone,
    tags: ["data"],
    summary: "数据元目录 The data-element dictionary",
    response: z.object({ items: z.array(dataElementView) }),
  }),
  getDataElementsByCode: endpoint({
    method: "GET",
    path: "/data-elements/:code",
    access: anyone,
    tags: ["data"],
    summary: "数据元 One data element",
    params: codeParam,
    response: dataElementView,
  }),
  postAdminDataElements: endpoint({
    method: "POST",
    path: "/admin/data-elements",
    access: staff("data_admin", "sys_admin"),
    tags: ["data"],
    summary: "新增数据元 Add a data element (city data administrators)",
    body: dataElementCreate,
    response: dataElementView,
    status: 201,
  }),
  putAdminDataElementsByCode: endpoint({
    method: "PUT",
    path: "/admin/data-elements/:code",
    access: staff("data_admin", "sys_admin"),
    tags: ["data"],
    summary: "修改数据元 Change a data element (city data administrators; lockVersion detects concurrent edits)",
    params: codeParam,
    body: dataElementUpdate,
    response: dataElementView,
  }),
};
