import { z } from "zod";
import { uuid } from "../schemas/common";
import { citizens, endpoint, signedIn } from "./endpoint";

const materialKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const formData = z.record(z.string(), z.unknown());

/** The endpoints of modules/generated-documents: 系统生成材料 (PDF answers, not JSON). */
export const generatedDocumentEndpoints = {
  getApplicationsByIdGeneratedByMaterialKey: endpoint({
    method: "GET",
    path: "/applications/:id/generated/:materialKey",
    access: signedIn,
    tags: ["applications"],
    summary: "系统生成材料 A document the platform generated from the application's form (PDF, sealed; checked against its hash and seal), for the applicant and staff who may read the application (staff reads audited); ?preview=1 inline",
    params: z.strictObject({ id: uuid, materialKey }),
    query: z.strictObject({ download: z.enum(["1"]).optional(), preview: z.enum(["1"]).optional() }),
  }),
  postCatalogueItemsByIdDocumentsByMaterialKeyPreview: endpoint({
    method: "POST",
    path: "/catalogue/items/:id/documents/:materialKey/preview",
    access: citizens,
    tags: ["applications"],
    summary: "预览系统生成材料 Preview a generated material (公司章程 …) from the answers so far, before submitting (PDF, not sealed, not kept)",
    params: z.strictObject({ id: uuid, materialKey }),
    body: z.strictObject({ formData }),
  }),
};
