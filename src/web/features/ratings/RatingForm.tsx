import { Alert, Button, Checkbox, Form, Input, Rate, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RATING_LEVELS, RATING_TAGS, type RatingLevel, type RatingTag } from "../../../shared/ratings";
import { errorMessage } from "../../components/PageFrame";

export interface RatingBody {
  level: number;
  indicators: Record<string, number>;
  tags: RatingTag[];
  comment?: string;
  anonymous?: boolean;
}

const LEVEL_NAMES = ([1, 2, 3, 4, 5] as RatingLevel[]).map((l) => RATING_LEVELS[l]);

/** One five-level scale with its label shown beside it (the stars carry the level names for screen readers). */
function LevelScale({ id, label, value, onChange }: { id: string; label: string; value: number; onChange: (v: number) => void }) {
  const { i18n } = useTranslation();
  const names = LEVEL_NAMES.map((l) => (i18n.language === "en" ? l.en : l.zh));
  return (
    <Space role="group" aria-labelledby={id}>
      <span id={id}>{label}</span>
      <Rate value={value} onChange={onChange} tooltips={names} aria-label={label} />
      <Typography.Text type="secondary">{value ? names[value - 1] : ""}</Typography.Text>
    </Space>
  );
}

/**
 * The rating form (好差评): overall level, the channel's sub-indicators, tags and a comment — the
 * same on the citizen's page, the window tablet, a hotline call-back and a ticket.
 */
export function RatingForm({ indicators, allowAnonymous, onSubmit }: { indicators: Array<{ key: string; name: string }>; allowAnonymous: boolean; onSubmit: (body: RatingBody) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [level, setLevel] = useState(0);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [tags, setTags] = useState<RatingTag[]>([]);
  const [comment, setComment] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Good tags for good ratings, problems for poor ones; both for the middle.
  const shown = (Object.keys(RATING_TAGS) as RatingTag[]).filter((k) => (level >= 4 ? RATING_TAGS[k].good : level && level <= 2 ? !RATING_TAGS[k].good : true));

  async function submit() {
    if (!level) return setError(t("rating.chooseLevel"));
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ level, indicators: scores, tags: tags.filter((x) => shown.includes(x)), ...(comment.trim() ? { comment: comment.trim() } : {}), ...(allowAnonymous ? { anonymous } : {}) });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item label={null}>
        <LevelScale id="rating-level" label={t("rating.level")} value={level} onChange={setLevel} />
      </Form.Item>
      {indicators.length > 0 && (
        <fieldset style={{ border: 0, padding: 0, margin: "0 0 12px" }}>
          <legend style={{ fontSize: 14 }}>{t("rating.indicators")}</legend>
          <Space direction="vertical">
            {indicators.map((ind) => (
              <LevelScale key={ind.key} id={`rating-ind-${ind.key}`} label={ind.name} value={scores[ind.key] ?? 0} onChange={(v) => setScores((s) => ({ ...s, [ind.key]: v }))} />
            ))}
          </Space>
        </fieldset>
      )}
      <fieldset style={{ border: 0, padding: 0, margin: "0 0 12px" }}>
        <legend style={{ fontSize: 14 }}>{t("rating.tags")}</legend>
        <Checkbox.Group value={tags} onChange={(v) => setTags(v as RatingTag[])} options={shown.map((k) => ({ value: k, label: i18n.language === "en" ? RATING_TAGS[k].en : RATING_TAGS[k].zh }))} />
      </fieldset>
      <Form.Item label={t("rating.comment")} htmlFor="rating-comment">
        <Input.TextArea id="rating-comment" rows={3} maxLength={500} showCount value={comment} placeholder={t("rating.commentPlaceholder")} onChange={(e) => setComment(e.target.value)} />
      </Form.Item>
      {allowAnonymous && (
        <Form.Item>
          <Checkbox checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)}>
            {t("rating.anonymous")}
          </Checkbox>
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t("rating.submit")}
      </Button>
    </Form>
  );
}
