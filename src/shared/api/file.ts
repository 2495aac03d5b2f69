import { uuid } from "../schemas/common";
import { z } from "zod";
import { citizensOr, signedIn, endpoint } from "./endpoint";


/** The endpoints of modules/files/file.routes.ts. */
export const fileEndpoints = {
  postFiles: endpoint({
    errors: [413, 415],
    method: "POST",
    path: "/files",
    access: citizensOr("window_clerk"),
    tags: ["applications"],
    summary: "上传材料 Upload one material (JPEG, PNG or PDF; checked by content); send the file as the body and its name in x-file-name",
    headers: z.object({ "x-file-name": z.string().min(1).max(600).optional(), "content-type": z.string().optional() }).passthrough(),
    response: z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number() }),
    status: 201,
  }),
  getFilesById: endpoint({
    method: "GET",
    path: "/files/:id",
    access: signedIn,
    tags: ["applications"],
    summary: "查看材料 A material's content (an attachment; ?preview=1 inline for the platform's preview), for its uploader, the applicant and staff who may read the application (staff reads are audited)",
    params: z.strictObject({ id: uuid }),
    query: z.strictObject({ download: z.enum(["1"]).optional(), preview: z.enum(["1"]).optional() }),
  }),
};
