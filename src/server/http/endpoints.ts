import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Access, Endpoint, Received, ResponseOf } from "../../shared/api/endpoint";
import { z } from "zod";
import { errorBody } from "../../shared/schemas/common";
import { PUBLIC_ROUTE, type RouteAccess } from "./auth-plugin";

/** The error answers every endpoint may give ({"error":{code,message,details}}); an endpoint names any others it gives. */
const ERRORS = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, 429: errorBody };

/** The route config the auth plugin checks before the body is read. */
function configOf(access: Access): { public?: true; access?: RouteAccess } {
  if (access.kind === "public") return { ...PUBLIC_ROUTE };
  if (access.kind === "signed_in") return {};
  return { access: { citizens: access.citizens, staffRoles: access.staffRoles === null ? null : [...access.staffRoles] } };
}

/** The request of an endpoint's handler: params, query, body and headers as its schemas validated them. */
export type EndpointRequest<E extends Endpoint> = FastifyRequest<{ Params: Received<E>["params"]; Querystring: Received<E>["query"]; Body: Received<E>["body"]; Headers: Received<E>["headers"] }>;

/** A handler: one service call whose result is the endpoint's response (or, for a file or a cookie, the reply itself). */
export type EndpointHandler<E extends Endpoint> = (req: EndpointRequest<E>, reply: FastifyReply) => Promise<ResponseOf<E> | FastifyReply>;

/** What only the server adds to a route: its own rate limit, a larger body, a content-type parser's options. */
export interface RouteExtras {
  config?: Pick<FastifyContextConfig, "rateLimit">;
  bodyLimit?: number;
  /**
   * The handler hands out the same answer object again for the same question (a cache of answers,
   * frozen with `sharedAnswer`): its JSON is made once, checked by the response schema like any other,
   * and kept while the object lives.
   */
  sharedAnswers?: boolean;
}

/**
 * Registers the route of an endpoint declared in shared/api: its schemas validate the request and shape
 * the response and the OpenAPI document (public endpoints without the session requirement), its access
 * is checked before the body is read, and the handler's result is sent with the endpoint's status (204
 * with no body).
 */
export function route<E extends Endpoint>(app: FastifyInstance, e: E, handler: EndpointHandler<E>, extras: RouteExtras = {}): void {
  const status = e.status ?? 200;
  const serialized = extras.sharedAnswers ? new WeakMap<object, string>() : null;
  app.route({
    method: e.method,
    url: e.path,
    ...(extras.bodyLimit ? { bodyLimit: extras.bodyLimit } : {}),
    config: { ...configOf(e.access), ...(e.csrf === false ? { csrf: false } : {}), ...(e.clientScope ? { clientScope: e.clientScope } : {}), ...extras.config },
    schema: {
      tags: [...e.tags],
      summary: e.summary,
      ...(e.access.kind === "public" ? { security: [] } : e.clientScope ? { security: [{ session: [] }, { clientCredentials: [e.clientScope] }] } : {}),
      ...(e.params ? { params: e.params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      ...(e.body ? { body: e.body } : {}),
      ...(e.headers ? { headers: e.headers } : {}),
      response: { ...(e.response ? { [status]: e.response } : {}), ...ERRORS, ...Object.fromEntries((e.errors ?? []).map((code) => [code, errorBody])) },
    },
    handler: async (req, reply) => {
      const result = await handler(req as EndpointRequest<E>, reply);
      if (reply.sent || result === reply) return reply;
      if (serialized && e.response && typeof result === "object" && result !== null) {
        let json = serialized.get(result);
        if (json === undefined) {
          json = JSON.stringify(z.encode(e.response, result));
          serialized.set(result, json);
        }
        return reply.status(status).type("application/json; charset=utf-8").send(json);
      }
      return reply.status(status).send(status === 204 ? null : result);
    },
  });
}
