import type { Role } from "./roles";

export type VersionStatus = "draft" | "in_review" | "published" | "superseded" | "rejected";
export type VersionAction = "submit" | "withdraw" | "approve" | "reject";

/**
 * The publication workflow of a catalogue item version, as data: code, docs and tests read it.
 * `fourEyes`: the reviewer must not be the person who submitted. `reason`: a comment is required.
 */
export const VERSION_TRANSITIONS: ReadonlyArray<{ from: VersionStatus; action: VersionAction; to: VersionStatus; roles: Role[]; fourEyes?: boolean; reason?: boolean; label: string }> = [
  { from: "draft", action: "submit", to: "in_review", roles: ["catalog_admin"], label: "提交审核" },
  { from: "in_review", action: "withdraw", to: "draft", roles: ["catalog_admin"], label: "撤回" },
  { from: "in_review", action: "approve", to: "published", roles: ["catalog_admin", "reviewer"], fourEyes: true, label: "审核通过并发布" },
  { from: "in_review", action: "reject", to: "draft", roles: ["catalog_admin", "reviewer"], fourEyes: true, reason: true, label: "退回修改" },
];

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: "草稿",
  in_review: "待审核",
  published: "已发布",
  superseded: "历史版本",
  rejected: "已退回",
};

export function findTransition(from: VersionStatus, action: VersionAction) {
  return VERSION_TRANSITIONS.find((t) => t.from === from && t.action === action) ?? null;
}
