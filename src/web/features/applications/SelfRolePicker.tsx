import { Checkbox, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { declaredRoles, type SelfRole } from "../../../shared/self-roles";

type FieldLike = Parameters<typeof declaredRoles>[0][number];

/**
 * 本人担任: one tick per role the form declares (法定代表人, 股东, 办税人员); `onChange` asks for the
 * prefill again with the roles ticked, which fills their fields from the applicant's verified identity.
 * Nothing is shown for a form without such roles.
 */
export function SelfRolePicker({ fields, value, onChange }: { fields: ReadonlyArray<FieldLike>; value: readonly SelfRole[]; onChange: (next: SelfRole[]) => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const roles = declaredRoles(fields).map((r) => r.role);
  if (!roles.length) return null;
  async function toggle(role: SelfRole, on: boolean) {
    setBusy(true);
    try {
      await onChange(on ? [...value, role] : value.filter((r) => r !== role));
    } finally {
      setBusy(false);
    }
  }
  return (
    <fieldset className="self-roles" aria-describedby="self-roles-hint" aria-busy={busy}>
      <legend>{t("selfRole.legend")}</legend>
      <Typography.Paragraph id="self-roles-hint" type="secondary" style={{ marginBottom: 8 }}>
        {t("selfRole.hint")}
      </Typography.Paragraph>
      {roles.map((role) => (
        <Checkbox key={role} checked={value.includes(role)} disabled={busy} onChange={(e) => void toggle(role, e.target.checked)}>
          {t(`selfRole.role_${role}`)}
        </Checkbox>
      ))}
    </fieldset>
  );
}
