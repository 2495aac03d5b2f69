import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";
import type { Access, Endpoint, Received, ResponseOf } from "../../shared/api/endpoint";
import { errorBody } from "../../shared/schemas/common";
import { PUBLIC_ROUTE, type RouteAccess } from "./auth-plugin";

/** The error answers every endpoint may give ({"error":{code,message,details}}); a few add their own. */
const ERRORS = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, 429: errorBody };

/** The route config the auth plugin checks before the body is read. */
function configOf(access: Access): { public?: true; access?: RouteAccess } {
  if (access.kind === "public") return { ...PUBLIC_ROUTE };
  if (access.kind === "signed_in") return {};
  return { access: { citizens: access.citizens, staffRoles: access.staffRoles === null ? null : [...access.staffRoles] } };
}

/** A handler: the request (for the session and context), what the endpoint's schemas validated, and the reply. */
export type EndpointHandler<E extends Endpoint> = (req: FastifyRequest, input: Received<E>, reply: FastifyReply) => Promise<ResponseOf<E>>;

/**
 * Registers the route of an endpoint declared in shared/api: its schemas validate the request and shape
 * the response and the OpenAPI document, its access is checked before the body, and the handler's
 * result is sent with the endpoint's status (204 with no body). Extra route options (a body limit,
 * a content-type parser) may be given.
 */
export function route<E extends Endpoint>(app: FastifyInstance, e: E, handler: EndpointHandler<E>, options: Pick<RouteShorthandOptions, "bodyLimit"> & { errors?: Record<number, typeof errorBody> } = {}): void {
  const status = e.status ?? 200;
  app.route({
    method: e.method,
    url: e.path,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    config: { ...configOf(e.access), ...(e.csrf === false ? { csrf: false } : {}) },
    schema: {
      tags: [...e.tags],
      summary: e.summary,
      ...(e.params ? { params: e.params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      ...(e.body ? { body: e.body } : {}),
      ...(e.headers ? { headers: e.headers } : {}),
      response: { [status]: e.response, ...ERRORS, ...options.errors },
    },
    handler: async (req, reply) => {
      const input = { params: req.params, query: req.query, body: req.body, headers: req.headers } as Received<E>;
      const result = await handler(req, input, reply);
      if (reply.sent) return reply;
      return reply.status(status).send(status === 204 ? null : result);
    },
  });
}
