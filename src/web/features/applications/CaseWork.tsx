import { Alert, App, Button, Divider, Space, Tag } from "antd";
import { forwardRef, useCallback, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { applicationEndpoints as api } from "../../../shared/api/applications";
import type { CallInput } from "../../../shared/api/endpoint";
import { call } from "../../api";
import { errorMessage } from "../../components/PageFrame";
import { useWorkflowWords } from "../../workflow-words";
import { INBOX_QUERY_KEY } from "./InboxPage";

type InboxQuery = NonNullable<CallInput<typeof api.inbox>["query"]>;
export type CaseAction = { key: string; name: string; reasonRequired: boolean; supplement: boolean };

const VISITED_KEY = "haoban.inbox.visited";

/** A refusal (不予受理, 不予许可 …): set apart from the common actions so that it is not pressed by habit. */
export const isDestructive = (a: CaseAction) => a.reasonRequired && !a.supplement;

/** The actions in the bar's order: the common ones first, the refusals last; their shortcut is their place (1–9). */
export function orderedActions(actions: CaseAction[]): CaseAction[] {
  return [...actions.filter((a) => !isDestructive(a)), ...actions.filter(isDestructive)];
}

/** True when a key press belongs to a field being typed in (shortcuts stay out of the way). */
function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) || !!el.closest("[role=dialog]"));
}

/**
 * 下一件: the next case of the inbox list the staff member last worked in (the same tab, search and
 * filters), skipping the cases already opened in this session; none left goes back to the inbox.
 */
export function useNextCase(currentId: string) {
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { message } = App.useApp();
  useEffect(() => {
    const seen = new Set<string>(JSON.parse(sessionStorage.getItem(VISITED_KEY) ?? "[]") as string[]);
    seen.add(currentId);
    sessionStorage.setItem(VISITED_KEY, JSON.stringify([...seen].slice(-200)));
  }, [currentId]);
  return useCallback(async () => {
    const query = JSON.parse(sessionStorage.getItem(INBOX_QUERY_KEY) ?? "{}") as InboxQuery;
    const seen = new Set<string>(JSON.parse(sessionStorage.getItem(VISITED_KEY) ?? "[]") as string[]);
    try {
      const { items } = await call(api.inbox, { query: { ...query, offset: 0, limit: 50 } });
      const next = items.find((i) => i.id !== currentId && !seen.has(i.id));
      if (next) void navigate(`/workbench/applications/${next.id}`);
      else {
        message.info(t("work.noneLeft"));
        void navigate("/workbench/inbox");
      }
    } catch (err) {
      message.error(errorMessage(err));
    }
  }, [currentId, navigate, message, t]);
}

/**
 * The case page's sticky action bar: the common actions (numbered for the keyboard), the refusals apart
 * on the right, and 下一件; keys 1–9 open an action and N moves to the next case, except while typing.
 */
export const StaffActionBar = forwardRef<HTMLButtonElement, { actions: CaseAction[]; onAction: (a: CaseAction) => void; onNext: () => void; done: boolean }>(function StaffActionBar({ actions, onAction, onNext, done }, nextRef) {
  const { t } = useTranslation();
  const word = useWorkflowWords();
  const ordered = orderedActions(actions);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e)) return;
      if (/^[1-9]$/.test(e.key) && ordered[Number(e.key) - 1]) {
        e.preventDefault();
        onAction(ordered[Number(e.key) - 1]!);
      } else if (e.key === "n" || e.key === "N") {
        e.preventDefault();
        onNext();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [ordered, onAction, onNext]);
  const common = ordered.filter((a) => !isDestructive(a));
  const refusals = ordered.filter(isDestructive);
  const key = (a: CaseAction) => ordered.indexOf(a) + 1;
  return (
    <div className="case-action-bar" role="region" aria-label={t("work.bar")}>
      {done && <Alert type="success" showIcon message={t("work.done")} style={{ padding: "2px 8px" }} role="status" />}
      <Space wrap>
        {common.map((a, i) => (
          <Button key={a.key} type={i === 0 ? "primary" : "default"} onClick={() => onAction(a)} aria-keyshortcuts={String(key(a))}>
            {word(a.name)} <kbd aria-hidden="true">{key(a)}</kbd>
          </Button>
        ))}
      </Space>
      {refusals.length > 0 && (
        <>
          <Divider type="vertical" style={{ height: 28 }} />
          <Space wrap>
            {refusals.map((a) => (
              <Button key={a.key} danger onClick={() => onAction(a)} aria-keyshortcuts={String(key(a))}>
                {word(a.name)} <kbd aria-hidden="true">{key(a)}</kbd>
              </Button>
            ))}
          </Space>
        </>
      )}
      <span style={{ flex: 1 }} />
      <Button ref={nextRef} type={done || ordered.length === 0 ? "primary" : "default"} onClick={onNext} aria-keyshortcuts="N">
        {t("work.next")} <kbd aria-hidden="true">N</kbd>
      </Button>
    </div>
  );
});

/** What the applicant reads when asked to supplement: the same words on their page and in the reviewer's preview. */
export function SupplementNotice({ opinion, items, preview = false }: { opinion: string; items: string[]; preview?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={t("appd.supplementAsked")}
      {...(preview ? { role: "region", "aria-label": t("work.preview") } : {})}
      description={
        <>
          <p style={{ whiteSpace: "pre-line" }}>{opinion || (preview ? <Tag>{t("work.previewEmpty")}</Tag> : null)}</p>
          <p>
            {t("appd.supplementItems")}：{items.join("、") || "—"}
          </p>
        </>
      }
    />
  );
}

/**
 * 补正 reasons a reviewer picks instead of typing: for each material and form field chosen, the usual
 * problems, in the official Chinese the applicant reads (whatever language the reviewer's screen is in).
 */
export function supplementTemplates(chosen: Array<{ kind: "material" | "field"; name: string }>): string[] {
  return chosen.flatMap(({ kind, name }) =>
    kind === "material"
      ? [`「${name}」不清晰，请重新上传清晰、完整的扫描件或照片`, `「${name}」缺少签名或盖章，请补充后重新上传`, `「${name}」已过有效期，请提供有效期内的材料`, `「${name}」与所办事项不符，请上传正确的材料`]
      : [`「${name}」填写有误，请核对后重新填写`, `「${name}」与所附材料不一致，请核对后重新填写`],
  );
}
