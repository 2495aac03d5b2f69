import type { FormValues } from "../../../shared/form-values";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import type { Actor } from "../../actor";
import type { UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { MaterialRef } from "./application-types";

/** The materials of a submission: the listed uploads plus every file in an attachment field, checked against the guide. */
export function collectMaterials(content: ItemContent, formData: FormValues, listed: MaterialRef[]): MaterialRef[] {
  const keys = new Set(content.guide.materials.map((m) => m.key));
  const problems: Array<{ path: string; message: string }> = [];
  listed.forEach((m, i) => {
    if (!keys.has(m.materialKey)) problems.push({ path: `materials.${i}.materialKey`, message: `本事项没有“${m.materialKey}”这项材料` });
  });
  const fromFields = content.form.fields
    .filter((f) => f.type === "attachment" && typeof formData[f.key] === "string" && formData[f.key] !== "")
    .map((f) => ({ materialKey: `field:${f.key}`, fileId: formData[f.key] as string }));
  const all = [...listed, ...fromFields];
  const ids = new Set<string>();
  all.forEach((m, i) => {
    if (!/^[0-9a-f-]{36}$/.test(m.fileId)) problems.push({ path: `materials.${i}.fileId`, message: "材料文件标识无效" });
    else if (ids.has(m.fileId)) problems.push({ path: `materials.${i}.fileId`, message: "同一文件不能重复提交" });
    ids.add(m.fileId);
  });
  if (problems.length) throw new DomainError("MATERIAL_INVALID", { issues: problems });
  return all;
}

/** Materials are linked to applications by the files module (it owns the files), in the caller's transaction. */
export interface MaterialAttacher {
  attach(unit: UnitOfWork, actor: Actor, applicationId: string, materials: MaterialRef[]): Promise<void>;
}
