import { Alert, Card, Result, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { z } from "zod";
import type { ratingCreated, ratingForm } from "../../../shared/schemas/ratings";
import { call } from "../../api";
import { ratingEndpoints } from "../../../shared/api/rating";
import { RatingForm } from "./RatingForm";
import { PageFrame } from "../../components/PageFrame";

/** 窗口评价器: the page a clerk hands over on a tablet; used once, within 30 minutes. */
export function RateByTokenPage() {
  const { token } = useParams();
  const { t } = useTranslation();
  const [form, setForm] = useState<z.infer<typeof ratingForm> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<z.infer<typeof ratingCreated> | null>(null);
  useEffect(() => {
    call(ratingEndpoints.getRatingsInvitationsByToken, { params: { token: token! } }).then(setForm, (e: Error) => setError(e.message));
  }, [token]);
  if (done) return <Result status="success" title={t("rating.thanks")} subTitle={done.caseNumber ? t("rating.thanksCase", { number: done.caseNumber }) : t("rating.thanksDone")} />;
  if (error) return <Alert type="error" role="alert" showIcon message={error} />;
  if (!form) return <Spin />;
  return (
    <Card style={{ maxWidth: 640, margin: "0 auto" }}>
      <PageFrame title={t("rating.tabletTitle")} intro={t("rating.tabletIntro", { name: form.raterName })} />
      <Typography.Paragraph>
        {form.itemName} · {form.orgName}
        {form.stepName ? ` · ${form.stepName}` : ""}
        {form.staffName ? ` · ${t("rating.staff")}：${form.staffName}` : ""}
      </Typography.Paragraph>
      <RatingForm indicators={form.indicators} allowAnonymous={false} onSubmit={async (body) => setDone(await call(ratingEndpoints.postRatingsInvitationsByToken, { params: { token: token! }, body: body }))} />
    </Card>
  );
}
