import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Space } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** Edits a list of entries: each rendered by `render`, with move up/down, remove and add. */
export function ListEditor<T>({ items, onChange, render, create, addLabel, title }: { items: T[]; onChange: (items: T[]) => void; render: (item: T, update: (next: T) => void, index: number) => ReactNode; create: () => T; addLabel: string; title?: (item: T, index: number) => string }) {
  const { t } = useTranslation();
  const move = (i: number, d: number) => {
    const next = [...items];
    const [x] = next.splice(i, 1);
    next.splice(i + d, 0, x!);
    onChange(next);
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {items.map((item, i) => {
        const label = title?.(item, i) ?? `#${i + 1}`;
        return (
          <Card
            key={i}
            size="small"
            title={label}
            extra={
              <Space>
                <Button size="small" icon={<ArrowUpOutlined />} aria-label={`${t("editor.up")} ${label}`} disabled={i === 0} onClick={() => move(i, -1)} />
                <Button size="small" icon={<ArrowDownOutlined />} aria-label={`${t("editor.down")} ${label}`} disabled={i === items.length - 1} onClick={() => move(i, 1)} />
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t("editor.remove")} ${label}`} onClick={() => onChange(items.filter((_, j) => j !== i))} />
              </Space>
            }
          >
            {render(item, (next) => onChange(items.map((x, j) => (j === i ? next : x))), i)}
          </Card>
        );
      })}
      <Button icon={<PlusOutlined />} onClick={() => onChange([...items, create()])}>
        {addLabel}
      </Button>
    </Space>
  );
}
