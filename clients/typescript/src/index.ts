import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./schema";

export type { paths } from "./schema";
export { EVENT_CODES, verifyWebhook, WebhookVerificationError, type EventCode, type HaobanEvent } from "./webhooks";

export interface HaobanClientOptions {
  /** Where the platform answers, e.g. `https://haoban.example.gov.cn` (the API is under /api/v1). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Fewer scopes than the client was granted (space-separated); all of them when absent. */
  scope?: string;
  fetch?: typeof fetch;
}

/**
 * A department system's client of the platform: every endpoint typed from the OpenAPI document
 * (`client.GET("/api/v1/applications/{id}", { params: { path: { id } } })`), the access token got with the
 * client credentials, reused until shortly before it expires and got again after a 401.
 */
export function createHaobanClient(options: HaobanClientOptions): Client<paths> & { token(): Promise<string> } {
  const doFetch = options.fetch ?? fetch;
  let current: { token: string; until: number } | null = null;
  let pending: Promise<string> | null = null;
  const token = async (): Promise<string> => {
    if (current && Date.now() < current.until) return current.token;
    pending ??= (async () => {
      try {
        const res = await doFetch(`${options.baseUrl}/api/v1/oauth/token`, {
          method: "POST",
          headers: { authorization: `Basic ${btoa(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`)}`, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ grant_type: "client_credentials", ...(options.scope ? { scope: options.scope } : {}) }).toString(),
        });
        if (!res.ok) throw new Error(`token request refused: ${res.status} ${await res.text()}`);
        const body = (await res.json()) as { access_token: string; expires_in: number };
        current = { token: body.access_token, until: Date.now() + Math.max(0, body.expires_in - 30) * 1000 };
        return body.access_token;
      } finally {
        pending = null;
      }
    })();
    return pending;
  };
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: doFetch });
  client.use({
    async onRequest({ request }) {
      request.headers.set("authorization", `Bearer ${await token()}`);
      return request;
    },
    async onResponse({ response }) {
      // Revoked, expired or rotated away: the next call gets a new token.
      if (response.status === 401) current = null;
      return response;
    },
  });
  return Object.assign(client, { token });
}
