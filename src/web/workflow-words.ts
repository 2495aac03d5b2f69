import { useTranslation } from "react-i18next";

/**
 * English for the words of the standard workflows (states, actions, timeline entries) that the server
 * stores in Chinese, as each item's workflow definition names them. An item's own wording without an
 * English entry stays Chinese.
 */
const EN: Record<string, string> = {
  待受理: "Awaiting acceptance",
  待补正: "Waiting for your supplements",
  待审查: "Under review",
  待决定: "Awaiting decision",
  准予许可: "Licence granted",
  不予许可: "Licence refused",
  准予给付: "Benefit granted",
  不予给付: "Benefit refused",
  准予奖励: "Award granted",
  不予奖励: "Award refused",
  予以确认: "Confirmed",
  不予确认: "Not confirmed",
  准予备案: "Filing accepted",
  不予备案: "Filing refused",
  准予办理: "Approved",
  不予办理: "Refused",
  准予办结: "Approved and completed",
  不予受理: "Not accepted",
  已撤回: "Withdrawn",
  提交申请: "Application submitted",
  颁发电子证照: "E-certificate issued",
  核定待遇: "Benefit assessed",
  开具缴费单: "Payment notice issued",
  待缴费: "Waiting for payment",
  缴费到账: "Fee received",
  免收费用: "Fee waived",
  自动审批核验: "Automatic check",
  撤销待遇: "Benefit stopped",
  认领办理: "Claimed",
  指派办理: "Assigned",
  办理: "Handled",
  受理: "Accept",
  受理并准予: "Accept and approve",
  一次性告知补正: "Ask for all supplements at once",
  补正后提交: "Resubmitted with supplements",
  审查通过: "Review passed",
  准予: "Approve",
  不予: "Refuse",
  撤回申请: "Withdraw the application",
  即办件: "Decided on the spot",
  承诺件: "Decided within a promised time",
};

/** The platform's own workflow words in the chosen language. */
export function useWorkflowWords(): (zh: string) => string {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? (zh) => EN[zh] ?? EN[zh.replace(/（.*）$/, "")] ?? zh : (zh) => zh;
}
