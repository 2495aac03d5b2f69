import { missingMaterials } from "../../shared/required-materials";
import { FOOD_LICENCE_FORM } from "./fixtures";
import { samplePdf } from "./sample-files";
import { login, type LoggedIn, type TestApp } from "./test-app";

/**
 * Small factories for what an API test needs, each made through the API as a user would, so that a
 * test sets up its own objects and does not depend on what an earlier test in the file left behind.
 */

/** The implementation of an item by its implementation code (e.g. XK00002001-3-310101-AMR). */
export async function itemId(t: TestApp, implCode: string): Promise<string> {
  return (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", implCode).executeTakeFirstOrThrow()).id;
}

/** 张伟明's 食品经营许可 application for 上海明远 (黄浦), or another form/item/applicant. */
export async function submitApplication(t: TestApp, options: { applicant?: LoggedIn; implCode?: string; formData?: Record<string, unknown> } = {}): Promise<string> {
  const applicant = options.applicant ?? (await login(t.app, "13800000001"));
  const payload = await withMaterials(t, applicant, { itemId: await itemId(t, options.implCode ?? "XK00002001-3-310101-AMR"), formData: options.formData ?? FOOD_LICENCE_FORM });
  const res = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: applicant.headers, payload });
  if (res.statusCode !== 201) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** Takes a workflow action at the application's current version (read first), as `who`. */
export async function act(t: TestApp, who: LoggedIn, applicationId: string, action: string, extra: Record<string, unknown> = {}) {
  const lockVersion = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${applicationId}`, headers: who.headers })).json().lockVersion as number;
  return t.app.inject({ method: "POST", url: `/api/v1/applications/${applicationId}/actions`, headers: who.headers, payload: { action, lockVersion, ...extra } });
}

/** Takes the actions in turn, each as its staff member; throws on the first refusal. */
export async function actInTurn(t: TestApp, applicationId: string, steps: Array<[username: string, action: string, extra?: Record<string, unknown>]>) {
  for (const [username, action, extra] of steps) {
    const res = await act(t, await login(t.app, username), applicationId, action, extra);
    if (res.statusCode !== 200) throw new Error(`${action} by ${username} failed: ${res.statusCode} ${res.body}`);
  }
}

/** A 食品经营许可 of 上海明远 approved by 黄浦's market regulator (accept, review, approve): its certificate is issued. */
export async function approvedFoodLicence(t: TestApp, applicant?: LoggedIn) {
  const applicationId = await submitApplication(t, applicant ? { applicant } : {});
  await actInTurn(t, applicationId, [
    ["review.amr.huangpu", "accept"],
    ["review.amr.huangpu", "pass_review"],
    ["approve.amr.huangpu", "approve"],
  ]);
  const certificate = await t.database.db.selectFrom("certificates").selectAll().where("application_id", "=", applicationId).executeTakeFirstOrThrow();
  return { applicationId, certificateId: certificate.id, identifier: certificate.identifier };
}

type Payload = { itemId: string; materials?: Array<{ materialKey: string; fileId: string }>; [key: string]: unknown };

/**
 * An application's payload with what its applicant hands in: a small PDF uploaded for every material
 * the item asks of everyone that the payload does not carry (online, a submission without them is
 * refused MATERIALS_MISSING). With `dataConsent`, materials evidence can replace are left to be shared;
 * `except` leaves out others a test expects to be satisfied otherwise.
 */
export async function withMaterials<P extends Payload>(t: TestApp, who: { headers: Record<string, string> }, payload: P, except: string[] = []): Promise<P & { materials: Array<{ materialKey: string; fileId: string }> }> {
  const item = (await t.app.inject({ method: "GET", url: `/api/v1/catalogue/items/${payload.itemId}` })).json();
  // With the applicant's consent, what a certificate or registry data can replace is left to the sharing layer.
  const shareable = payload.dataConsent ? (item.content.guide.materials as Array<{ key: string; replaceableBy?: unknown }>).filter((m) => m.replaceableBy).map((m) => m.key) : [];
  const have = new Set([...(payload.materials ?? []).map((m) => m.materialKey), ...except, ...shareable]);
  const missing = missingMaterials(item.content.guide.materials as Array<{ key: string; name: string; medium: "paper" | "electronic" | "either"; situation?: string; generatedFrom?: string }>, have, new Set());
  const uploaded = [];
  for (const m of missing) {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/files", headers: { ...who.headers, "content-type": "application/pdf", "x-file-name": encodeURIComponent(`${m.name}.pdf`) }, payload: samplePdf(m.key) });
    if (res.statusCode !== 201) throw new Error(`upload of ${m.key} failed: ${res.body}`);
    uploaded.push({ materialKey: m.key, fileId: res.json().id as string });
  }
  return { ...payload, materials: [...(payload.materials ?? []), ...uploaded] };
}
