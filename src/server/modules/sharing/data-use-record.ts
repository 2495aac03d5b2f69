import type { Registry } from "../../../shared/registries";

/** Why a read may happen: an applicant's prefill of an item's form, or handling an application. */
export type SharePurpose =
  | { kind: "prefill"; itemCode: string; itemName: string; readerOrgId: string; regionCode: string }
  | { kind: "application"; applicationId: string; applicationNumber: string; itemCode: string; itemName: string; readerOrgId: string; regionCode: string };

/** The elements read from one registry of one department. */
export interface DataUseSource {
  registry: Registry;
  orgCode: string | null;
  elements: string[];
}

/** A purpose in words, as the data subject reads it on 我的数据使用记录. */
export function purposeText(p: SharePurpose): string {
  return p.kind === "prefill" ? `预填申请表：${p.itemName}` : `办理申请 ${p.applicationNumber}：${p.itemName}`;
}

/** The purpose as a record's details carry it (the item's name is in the purpose's words). */
export function purposeDetails(p: SharePurpose) {
  return p.kind === "prefill" ? { purposeKind: "prefill", itemCode: p.itemCode } : { purposeKind: "application", itemCode: p.itemCode, applicationId: p.applicationId, applicationNumber: p.applicationNumber };
}

/**
 * The details of a data-use record (data.share) — the record a city keeps most of, tens of millions of
 * them: per registry and department, the elements read; what was refused; the consent; the purpose's
 * kind, item and application. Nothing that can be derived is repeated: not the registries' names, not
 * the item's name (in the purpose's words), not the elements again as one list.
 */
export function dataUseDetails(sources: DataUseSource[], purpose: SharePurpose, denied: string[] = []) {
  return { sources, ...(denied.length ? { denied } : {}), consent: true, ...purposeDetails(purpose) };
}

/** What 我的数据使用记录 shows of a record's details, as written now or before they were compact (a list of elements, one `source`). */
export function readDataUse(details: unknown): { registries: string[]; elements: string[]; applicationNumber: string | null; explanation: string | null } {
  const d = (details ?? {}) as { source?: string; sources?: Array<{ registry: string; elements?: string[] }>; elements?: string[]; applicationNumber?: string; explanation?: string };
  const registries = d.sources ? [...new Set(d.sources.map((s) => s.registry))] : d.source ? [d.source] : [];
  const elements = Array.isArray(d.elements) ? d.elements : [...new Set((d.sources ?? []).flatMap((s) => s.elements ?? []))];
  return { registries, elements, applicationNumber: d.applicationNumber ?? null, explanation: d.explanation ?? null };
}
