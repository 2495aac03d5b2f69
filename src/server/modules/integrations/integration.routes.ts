import formbody from "@fastify/formbody";
import type { FastifyPluginAsync } from "fastify";
import { eventCatalogue, integrationEndpoints as api } from "../../../shared/api/integration";
import { DomainError } from "../../domain-error";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import { route } from "../../http/endpoints";
import type { ClientService } from "./client.service";
import type { ExternalHandling } from "./external-handling";
import type { WebhookService } from "./webhook.service";

/** The client id and secret of a token request: HTTP Basic (client_secret_basic) or in the body (client_secret_post). */
function credentialsOf(authorization: string | undefined, body: { client_id?: string | undefined; client_secret?: string | undefined }) {
  const basic = authorization && /^basic /i.test(authorization) ? Buffer.from(authorization.slice(6).trim(), "base64").toString("utf8") : null;
  if (basic !== null) {
    const colon = basic.indexOf(":");
    if (colon < 0) return null;
    return { clientId: decodeURIComponent(basic.slice(0, colon)), secret: decodeURIComponent(basic.slice(colon + 1)) };
  }
  return body.client_id && body.client_secret ? { clientId: body.client_id, secret: body.client_secret } : null;
}

/** Department systems: the token endpoint, client administration, event subscriptions and deliveries, acknowledgements. */
export const integrationRoutes: FastifyPluginAsync<{ clients: ClientService; webhooks: WebhookService; external: ExternalHandling; tokenRateLimitPerMinute: number }> = async (app, { clients, webhooks, external, tokenRateLimitPerMinute }) => {
  route(app, api.catalogue, async () => eventCatalogue());

  await app.register(async (oauth) => {
    // OAuth 2.0 sends the token request as a form (RFC 6749 §4.4.2); JSON works too.
    await oauth.register(formbody, { bodyLimit: 4096 });
    route(
      oauth,
      api.token,
      async (req, reply) => {
        void reply.header("cache-control", "no-store").header("pragma", "no-cache");
        if (req.body.grant_type !== "client_credentials") throw new DomainError("GRANT_TYPE_UNSUPPORTED");
        const credentials = credentialsOf(req.headers.authorization, req.body);
        if (!credentials) throw new DomainError("CLIENT_CREDENTIALS_INVALID");
        return clients.issueToken({ ...credentials, scope: req.body.scope }, requestContext(req));
      },
      { config: { rateLimit: { max: tokenRateLimitPerMinute, timeWindow: "1 minute" } } },
    );
  });

  route(app, api.listClients, async (req) => clients.list(requireStaff(req)));
  route(app, api.createClient, async (req) => clients.register(requireStaff(req), req.body, requestContext(req)));
  route(app, api.getClient, async (req) => clients.get(requireStaff(req), req.params.id));
  route(app, api.rotateSecret, async (req) => clients.rotate(requireStaff(req), req.params.id, req.body.overlapHours, requestContext(req)));
  route(app, api.revokeSecret, async (req) => clients.revokeSecret(requireStaff(req), req.params.id, req.params.secretId, requestContext(req)));
  route(app, api.revokeClient, async (req) => clients.revoke(requireStaff(req), req.params.id, req.body.reason, requestContext(req)));
  route(app, api.setItems, async (req) => clients.setItems(requireStaff(req), req.params.id, req.body, requestContext(req)));

  route(app, api.listSubscriptions, async (req) => webhooks.list(requireStaff(req)));
  route(app, api.createSubscription, async (req) => webhooks.create(requireStaff(req), req.body, requestContext(req)));
  route(app, api.updateSubscription, async (req) => webhooks.update(requireStaff(req), req.params.id, req.body, requestContext(req)));
  route(app, api.listDeliveries, async (req) => webhooks.deliveries(requireStaff(req), req.params.id, req.query));
  route(app, api.getDelivery, async (req) => webhooks.delivery(requireStaff(req), req.params.id, req.params.deliveryId));
  route(app, api.replay, async (req) => webhooks.replay(requireStaff(req), req.params.id, req.body, requestContext(req)));

  route(app, api.acknowledge, async (req) => external.acknowledge(requireStaff(req), req.params.id, requestContext(req)));
};
