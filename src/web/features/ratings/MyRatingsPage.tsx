import { App, Button, Card, Descriptions, Empty, List, Modal, Spin, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { CASE_STATES, RATING_LEVELS, type CaseState, type RatingLevel } from "../../../shared/ratings";
import type { myRating, pendingRating, ratingCreated, ratingForm } from "../../../shared/schemas/ratings";
import { inLang } from "../../labels";
import { call } from "../../api";
import { ratingEndpoints } from "../../../shared/api/rating";
import { RatingForm, type RatingBody } from "./RatingForm";
import { chinaDate } from "../../../shared/china-time";
import { PageFrame } from "../../components/PageFrame";

type Pending = z.infer<typeof pendingRating>;
type Mine = z.infer<typeof myRating>;
type FormView = z.infer<typeof ratingForm>;

const CASE_COLOUR: Partial<Record<CaseState, string>> = { closed: "success", voided: "default", replied: "processing" };

/** 我的评价: services waiting for a rating, and past ratings with what became of each 差评. */
export function MyRatingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending[] | null>(null);
  const [mine, setMine] = useState<Mine[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rating, setRating] = useState<{ title: string; form: FormView | null; submit: (b: RatingBody) => Promise<z.infer<typeof ratingCreated>> } | null>(null);
  const load = useCallback(() => {
    call(ratingEndpoints.getMeRatingsPending, {  }).then((r) => setPending(r.items), (e: Error) => setError(e.message));
    call(ratingEndpoints.getMeRatings, {  }).then((r) => setMine(r.items), (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  async function openRate(p: Pending) {
    const form = await call(ratingEndpoints.getRatingsForm, { query: { eventKind: p.kind, eventId: p.id } });
    setRating({ title: t("rating.rateOne", { name: `${p.title}（${p.kindName}）` }), form, submit: (b) => call(ratingEndpoints.postRatings, { body: { ...b, eventKind: p.kind, eventId: p.id } }) });
  }
  function openRerate(m: Mine) {
    setRating({ title: t("rating.rerate"), form: null, submit: (b) => call(ratingEndpoints.postRatingCasesByIdRerate, { params: { id: m.case!.id }, body: { level: b.level, tags: b.tags, ...(b.comment ? { comment: b.comment } : {}) } }) });
  }
  async function submit(body: RatingBody) {
    const res = await rating!.submit(body);
    setRating(null);
    message.success(res.caseNumber ? t("rating.thanksCase", { number: res.caseNumber }) : t("rating.thanks"));
    load();
  }

  return (
    <>
      <PageFrame title={t("rating.myTitle")} error={error} />
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("rating.pendingTitle")}</h2>} style={{ marginBottom: 16 }}>
        {!pending ? (
          <Spin />
        ) : pending.length === 0 ? (
          <Empty description={t("rating.pendingEmpty")} />
        ) : (
          <List
            dataSource={pending}
            renderItem={(p) => (
              <List.Item
                actions={[
                  <Button key="rate" type="primary" onClick={() => void openRate(p).catch((e: Error) => message.error(e.message))} aria-label={t("rating.rateOne", { name: `${p.title}（${p.kindName}）` })}>
                    {t("rating.rate")}
                  </Button>,
                ]}
              >
                <List.Item.Meta title={`${p.title} · ${p.kindName}`} description={`${p.orgName} · ${p.reference} · ${chinaDate(p.at)}`} />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t("rating.doneTitle")}</h2>}>
        {!mine ? (
          <Spin />
        ) : mine.length === 0 ? (
          <Empty description={t("rating.doneEmpty")} />
        ) : (
          <List
            dataSource={mine}
            renderItem={(m) => (
              <List.Item actions={m.case?.state === "replied" ? [<Button key="rerate" onClick={() => openRerate(m)}>{t("rating.rerate")}</Button>] : []}>
                <div style={{ width: "100%" }}>
                  <Typography.Text strong>{`${m.itemName ?? ""} · ${m.kindName}`}</Typography.Text>{" "}
                  <Tag color={m.level <= 2 ? "error" : "success"}>{inLang(i18n.language, RATING_LEVELS[m.level as RatingLevel])}</Tag>
                  {m.status === "excluded" && <Tag>{t("rating.excluded")}</Tag>}
                  <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 8 }}>
                    <Descriptions.Item label={t("rating.org")}>{m.orgName}</Descriptions.Item>
                    {m.stepName && <Descriptions.Item label={t("rating.step")}>{m.stepName}</Descriptions.Item>}
                    {m.comment && <Descriptions.Item label={t("rating.comment")}>{m.comment}</Descriptions.Item>}
                    {m.case && (
                      <Descriptions.Item label={t("rating.caseProgress")}>
                        <Tag color={CASE_COLOUR[m.case.state as CaseState] ?? "warning"}>{inLang(i18n.language, CASE_STATES[m.case.state as CaseState], m.case.state)}</Tag>
                        {m.case.number}
                      </Descriptions.Item>
                    )}
                    {m.case?.rectification && <Descriptions.Item label={t("rating.rectification")}>{m.case.rectification}</Descriptions.Item>}
                    {m.case?.reply && <Descriptions.Item label={t("rating.reply")}>{m.case.reply}</Descriptions.Item>}
                  </Descriptions>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Modal open={rating !== null} title={rating?.title} footer={null} onCancel={() => setRating(null)} destroyOnHidden>
        {rating && <RatingForm indicators={rating.form?.indicators ?? []} allowAnonymous={rating.form !== null} onSubmit={submit} />}
      </Modal>
    </>
  );
}
