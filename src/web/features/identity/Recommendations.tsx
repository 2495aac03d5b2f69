import { Card, List } from "antd";
import type { ItemOf } from "../../../shared/api/endpoint";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { call } from "../../api";
import { profileEndpoints } from "../../../shared/api/profile";

type Rec = ItemOf<typeof profileEndpoints.getMeRecommendations>;

/** 为您推荐 in the personal centre: what the profile points to, each with its reason (nothing when nothing applies). */
export function Recommendations({ actingFor }: { actingFor: string | null }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Rec[]>([]);
  useEffect(() => {
    call(profileEndpoints.getMeRecommendations, {  }).then((r) => setItems(r.items), () => setItems([]));
  }, [actingFor]);
  if (items.length === 0) return null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("rec.title")}</h2>} extra={<Link to="/me/profile">{t("rec.profile")}</Link>} style={{ marginBottom: 16 }}>
      <List dataSource={items} renderItem={(r) => <List.Item><List.Item.Meta title={<Link to={r.link}>{r.title}</Link>} description={r.reason} /></List.Item>} />
    </Card>
  );
}
