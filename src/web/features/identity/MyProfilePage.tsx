import { Alert, Card, Spin } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { profileView } from "../../../shared/schemas/rules";
import { call } from "../../api";
import { profileEndpoints } from "../../../shared/api/profile";
import { PageFrame } from "../../components/PageFrame";
import { ResponsiveTable } from "../../components/ResponsiveTable";

type Profile = z.infer<typeof profileView>;
const show = (v: unknown) => (Array.isArray(v) ? v.join("、") || "—" : typeof v === "boolean" ? (v ? "是" : "否") : v === null || v === undefined ? "—" : String(v));

/** 我的画像: the facts the platform derives about me (or my enterprise) and where each comes from. */
export function MyProfilePage() {
  const { t } = useTranslation();
  const [p, setP] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(profileEndpoints.getMeProfile, {  }).then(setP, (e: Error) => setError(e.message));
  }, []);
  if (error) return <Alert type="error" role="alert" message={error} />;
  if (!p) return <Spin />;
  return (
    <>
      <PageFrame title={t("rec.profileTitle", { name: p.subject.name })} intro={t("rec.profileIntro")} />
      <Card>
        <ResponsiveTable
          rowKey="fact"
          size="small"
          pagination={false}
          dataSource={p.facts}
          columns={[
            { title: t("rec.fact"), dataIndex: "name" },
            { title: t("rec.value"), dataIndex: "value", render: show },
            { title: t("rec.source"), dataIndex: "source" },
          ]}
        />
      </Card>
    </>
  );
}
