import type { FastifyInstance, FastifyRequest } from "fastify";

/** A request as the simulators keep it: the raw body beside the parsed one (signatures are over the raw body). */
export type RawRequest = FastifyRequest & { rawBody?: string };

/** Parses JSON bodies and keeps each one's raw text on the request. */
export function keepRawJson(app: FastifyInstance) {
  app.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
    (req as RawRequest).rawBody = body as string;
    try {
      done(null, body === "" ? {} : JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error("invalid JSON"), { statusCode: 400 }), undefined);
    }
  });
}
