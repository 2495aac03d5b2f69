import { App, Button, Card, Image, Modal, Space, Typography } from "antd";
import QRCode from "qrcode";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { RatingEvent } from "../../../shared/ratings";
import type { pendingRating, ratingForm } from "../../../shared/schemas/ratings";
import { call } from "../../api";
import { ratingEndpoints } from "../../../shared/api/rating";
import { RatingForm } from "./RatingForm";
import { errorMessage } from "../../components/PageFrame";

/** On an application's page, the applicant rates what can be rated of it now (受理环节, 办结). */
export function RateApplication({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [events, setEvents] = useState<Array<z.infer<typeof pendingRating>>>([]);
  const [open, setOpen] = useState<{ kind: RatingEvent; form: z.infer<typeof ratingForm> } | null>(null);
  const load = useCallback(() => {
    call(ratingEndpoints.getMeRatingsPending, {  }).then((r) => setEvents(r.items.filter((e) => e.id === applicationId)), () => setEvents([]));
  }, [applicationId]);
  useEffect(load, [load]);
  if (events.length === 0) return null;
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("rating.pendingTitle")}</h2>} style={{ marginBottom: 16 }}>
      <Space wrap>
        {events.map((e) => (
          <Button key={e.kind} type="primary" onClick={() => void call(ratingEndpoints.getRatingsForm, { query: { eventKind: e.kind, eventId: e.id } }).then((form) => setOpen({ kind: e.kind, form }))}>
            {t("rating.rateOne", { name: e.kindName })}
          </Button>
        ))}
      </Space>
      <Modal open={open !== null} title={open ? `${open.form.itemName ?? ""} · ${open.form.kindName}` : ""} footer={null} onCancel={() => setOpen(null)} destroyOnHidden>
        {open && (
          <>
            <Typography.Paragraph type="secondary">
              {open.form.orgName}
              {open.form.stepName ? ` · ${t("rating.step")}：${open.form.stepName}` : ""}
            </Typography.Paragraph>
            <RatingForm
              indicators={open.form.indicators}
              allowAnonymous
              onSubmit={async (body) => {
                const res = await call(ratingEndpoints.postRatings, { body: { ...body, eventKind: open.kind, eventId: applicationId } });
                setOpen(null);
                message.success(res.caseNumber ? t("rating.thanksCase", { number: res.caseNumber }) : t("rating.thanks"));
                load();
              }}
            />
          </>
        )}
      </Modal>
    </Card>
  );
}

/** 窗口评价器: a window clerk opens a one-time rating page for the applicant (tablet or QR code). */
export function InviteRating({ eventKind, eventId }: { eventKind: Exclude<RatingEvent, "ticket">; eventId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [invitation, setInvitation] = useState<{ url: string; path: string; qr: string } | null>(null);
  async function create() {
    try {
      const r = await call(ratingEndpoints.postRatingsInvitations, { body: { eventKind, eventId } });
      const url = `${window.location.origin}${r.path}`;
      setInvitation({ url, path: r.path, qr: await QRCode.toDataURL(url, { margin: 1, width: 180 }) });
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  return (
    <>
      <Button onClick={() => void create()}>{t("rating.invite")}</Button>
      <Modal open={invitation !== null} title={t("rating.invite")} footer={null} onCancel={() => setInvitation(null)}>
        {invitation && (
          <Space direction="vertical">
            <Typography.Paragraph>{t("rating.inviteHint")}</Typography.Paragraph>
            <Image src={invitation.qr} alt={invitation.url} width={180} preview={false} />
            <Typography.Text copyable>{invitation.url}</Typography.Text>
            <Button type="primary" href={invitation.path} target="_blank">
              {t("rating.openTablet")}
            </Button>
          </Space>
        )}
      </Modal>
    </>
  );
}
