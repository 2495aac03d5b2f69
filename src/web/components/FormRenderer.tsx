import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Space, Table } from "antd";
import dayjs from "dayjs";
import { useEffect, useRef, useState } from "react";
import { FileLink, UploadButton } from "../features/applications/MaterialUpload";
import { AddressPicker } from "./AddressPicker";
import { DivisionPicker } from "./DivisionPicker";
import { ADDRESS_ELEMENTS } from "../../shared/validation/address";
import { useTranslation } from "react-i18next";
import { DATA_ELEMENTS } from "../../shared/data-elements";
import { isVisible, validateFormValues, type FormValues } from "../../shared/form-values";
import type { FormField } from "../../shared/schemas/catalogue";

type Simple = Exclude<FormField, { type: "table" }>;

/** A street address's division field in the same form (住所所在区 beside 住所详细地址), if it asks one. */
function divisionFieldOf(fields: FormField[], field: FormField): FormField | undefined {
  const element = field.type === "text" && field.dataElement ? ADDRESS_ELEMENTS[field.dataElement] : undefined;
  return element ? fields.find((f) => f.type === "address" && f.dataElement === element) : undefined;
}

function SimpleInput({ field, value, onChange, disabled, id, address }: { field: Simple; value: unknown; onChange: (v: unknown) => void; disabled?: boolean; id?: string; address?: { division: string | undefined; onStreet: ((code: string) => void) | undefined } }) {
  const common = { id, disabled, "aria-label": field.label };
  // A street address is picked from the address registry (free text stays possible, and is checked).
  if (field.type === "text" && field.dataElement && ADDRESS_ELEMENTS[field.dataElement] && address)
    return <AddressPicker {...common} value={typeof value === "string" && value ? value : undefined} onChange={(v) => onChange(v)} division={address.division} onStreet={address.onStreet} />;
  switch (field.type) {
    case "number":
      return <InputNumber {...common} style={{ width: "100%" }} value={value as number | undefined} min={field.min} max={field.max} onChange={(v) => onChange(v ?? undefined)} />;
    case "date":
      return <DatePicker {...common} style={{ width: "100%" }} value={typeof value === "string" && value ? dayjs(value) : null} onChange={(d) => onChange(d ? d.format("YYYY-MM-DD") : undefined)} />;
    case "choice":
      return <Select {...common} value={value as string | undefined} allowClear options={(field.options ?? []).map((o) => ({ value: o.value, label: o.label }))} onChange={(v) => onChange(v)} />;
    case "textarea":
      return <Input.TextArea {...common} rows={3} value={(value as string) ?? ""} maxLength={field.maxLength} onChange={(e) => onChange(e.target.value)} />;
    case "address":
      return <DivisionPicker {...common} value={typeof value === "string" && value ? value : undefined} onChange={(v) => onChange(v)} />;
    case "attachment":
      return (
        <Space id={id}>
          {typeof value === "string" && value ? <FileLink fileId={value} /> : null}
          <UploadButton label={field.label} disabled={disabled} onUploaded={(f) => onChange(f.id)} />
        </Space>
      );
    default:
      return <Input {...common} value={(value as string) ?? ""} maxLength={field.maxLength ?? (field.type === "idNumber" || field.type === "creditCode" ? 18 : field.type === "mobile" ? 11 : undefined)} onChange={(e) => onChange(e.target.value)} />;
  }
}

/**
 * Renders any form schema as a form and validates it with the same rules as the server
 * (shared/form-values.ts). Used for the guide's form preview and the form builder's live preview.
 */
export function FormRenderer({
  fields,
  initialValues = {},
  onSubmit,
  onChange,
  submitText,
  disabled,
  extra,
  locked,
  notes = {},
  showBindings = false,
  fieldNotes,
}: {
  fields: FormField[];
  initialValues?: FormValues;
  onSubmit?: (values: FormValues) => void;
  /** Every change of the values (e.g. to autosave a draft). */
  onChange?: (values: FormValues) => void;
  submitText?: string;
  disabled?: boolean;
  /** Shown after the fields, before the submit button (e.g. the materials). */
  extra?: React.ReactNode;
  /** Fields that cannot be changed (values from an authoritative registry). */
  locked?: ReadonlySet<string>;
  /** A note under a field (e.g. where a prefilled value came from). */
  notes?: Record<string, React.ReactNode>;
  /** Staff views: name the data element each field is bound to. Citizens never see those names. */
  showBindings?: boolean;
  /** A note beside a field (what supports its value: the registry it came from), by field key. */
  fieldNotes?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(initialValues);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<Array<{ key: string; label: string; message: string }>>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const touched = useRef(false);
  const set = (key: string, v: unknown) => {
    touched.current = true;
    setValues((prev) => ({ ...prev, [key]: v }));
  };
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  useEffect(() => {
    if (touched.current) latestOnChange.current?.(values);
  }, [values]);

  function submit() {
    const visible = Object.fromEntries(Object.entries(values).filter(([k]) => fields.some((f) => f.key === k && isVisible(f, values))));
    const problems = validateFormValues(fields, visible);
    setErrors(Object.fromEntries(problems.map((p) => [p.path.join("."), p.message])));
    // One line per wrong field, in the form's order, and focus on the first of them.
    const wrong = fields.flatMap((f) => {
      const p = problems.find((x) => x.path[0] === f.key);
      return p ? [{ key: f.key, label: f.label, message: p.message }] : [];
    });
    setSummary(wrong);
    if (problems.length === 0) return onSubmit?.(visible);
    requestAnimationFrame(() => {
      const first = wrong[0] && document.getElementById(`field-${wrong[0].key}`);
      if (first) first.focus();
      else summaryRef.current?.focus();
    });
  }

  // Every street address field is a picker; picking one also sets the division the form asks beside it.
  const addressOf = (f: FormField) => {
    const d = divisionFieldOf(fields, f);
    const v = d ? values[d.key] : undefined;
    return { division: typeof v === "string" && v ? v : undefined, onStreet: d && !locked?.has(d.key) ? (code: string) => set(d.key, code) : undefined };
  };
  return (
    <Form layout="vertical" onFinish={submit} requiredMark>
      {summary.length > 0 && (
        <div ref={summaryRef} tabIndex={-1} className="form-error-summary">
          <Alert
            type="error"
            showIcon
            role="alert"
            message={t("form.errorSummary", { count: summary.length })}
            description={
              <ul>
                {summary.map((w) => (
                  <li key={w.key}>
                    <a
                      href={`#field-${w.key}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(`field-${w.key}`)?.focus();
                      }}
                    >
                      {w.label}
                    </a>
                    ：{w.message}
                  </li>
                ))}
              </ul>
            }
          />
        </div>
      )}
      {fields.filter((f) => isVisible(f, values)).map((f) => {
        const err = errors[f.key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${f.key}.`))?.[1];
        const element = showBindings && f.dataElement ? DATA_ELEMENTS[f.dataElement]?.zh : undefined;
        return (
          <Form.Item
            key={f.key}
            label={f.label}
            htmlFor={`field-${f.key}`}
            required={f.required}
            validateStatus={err ? "error" : undefined}
            help={err}
            extra={
              // A table's note is its cells' (本人担任 fills the first row): one line for them all.
              (notes[f.key] ?? Object.entries(notes).find(([k]) => k.startsWith(`${f.key}.`))?.[1]) ??
              ([fieldNotes?.[f.key], f.help, element ? t("form.boundTo", { element }) : undefined].filter(Boolean).join(" · ") || undefined)
            }
          >
            {f.type === "table" ? (
              <TableInput field={f} value={(values[f.key] as FormValues[] | undefined) ?? []} onChange={(v) => set(f.key, v)} disabled={disabled} lockedCell={(row, column) => !!locked?.has(`${f.key}.${row}.${column}`)} />
            ) : (
              <SimpleInput id={`field-${f.key}`} field={f} value={values[f.key]} onChange={(v) => set(f.key, v)} disabled={disabled || locked?.has(f.key)} address={addressOf(f)} />
            )}
          </Form.Item>
        );
      })}
      {extra}
      {onSubmit && (
        <Button type="primary" htmlType="submit" disabled={disabled}>
          {submitText ?? t("form.check")}
        </Button>
      )}
    </Form>
  );
}

function TableInput({ field, value, onChange, disabled, lockedCell }: { field: Extract<FormField, { type: "table" }>; value: FormValues[]; onChange: (v: FormValues[]) => void; disabled?: boolean | undefined; lockedCell: (row: number, column: string) => boolean }) {
  const { t } = useTranslation();
  const update = (i: number, key: string, v: unknown) => onChange(value.map((row, j) => (j === i ? { ...row, [key]: v } : row)));
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={value}
        scroll={{ x: 500 }}
        locale={{ emptyText: t("form.noRows") }}
        columns={[
          ...field.columns.map((c) => ({
            title: c.label,
            key: c.key,
            render: (_: unknown, __: FormValues, i: number) => <SimpleInput field={c} value={value[i]?.[c.key]} onChange={(v) => update(i, c.key, v)} disabled={disabled || lockedCell(i, c.key)} />,
          })),
          {
            title: t("staff.actions"),
            key: "_remove",
            render: (_: unknown, __: FormValues, i: number) => (
              <Button size="small" disabled={disabled || field.columns.some((c) => lockedCell(i, c.key))} onClick={() => onChange(value.filter((_r, j) => j !== i))}>
                {t("form.removeRow")}
              </Button>
            ),
          },
        ]}
      />
      <Button size="small" disabled={disabled} onClick={() => onChange([...value, {}])}>
        {t("form.addRow", { label: field.label })}
      </Button>
    </Space>
  );
}
