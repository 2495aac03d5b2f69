import { App } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { signingEndpoints } from "../../../shared/api/signing";
import type { CallInput } from "../../../shared/api/endpoint";
import { ApiError, call } from "../../api";
import { errorMessage } from "../../components/PageFrame";

type Payload = CallInput<typeof signingEndpoints.postSigningRequests>["body"];

/**
 * When a submission is refused because others named in the form must sign first (SIGNATURES_REQUIRED),
 * says who and offers to start the signing; returns whether it handled the error.
 */
export function useSigningStart(): (err: unknown, payload: Payload) => boolean {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  return (err, payload) => {
    if (!(err instanceof ApiError) || err.code !== "SIGNATURES_REQUIRED") return false;
    const signers = (err.details as { signers?: Array<{ name: string; roles: string[] }> } | undefined)?.signers ?? [];
    modal.confirm({
      title: t("signing.neededTitle"),
      content: t("signing.neededText", { names: signers.map((s) => `${s.name}（${s.roles.join("、")}）`).join("、") }),
      okText: t("signing.start"),
      cancelText: t("signing.later"),
      onOk: async () => {
        try {
          const request = await call(signingEndpoints.postSigningRequests, { body: payload });
          message.success(t("signing.started"));
          navigate(`/me/signing/${request.id}`);
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
    return true;
  };
}
