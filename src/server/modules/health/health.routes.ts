import type { FastifyPluginAsync } from "fastify";
import type { Kysely } from "kysely";
import type { Registry } from "prom-client";
import { migrationsApplied, ping } from "../../db/database";
import type { DB } from "../../db/schema";

/** Liveness, readiness and Prometheus metrics; outside /api so that probes need no session. */
export const healthRoutes: FastifyPluginAsync<{ db: Kysely<DB>; metrics: Registry; isShuttingDown: () => boolean }> = async (app, deps) => {
  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));

  app.get("/readyz", { schema: { hide: true } }, async (_req, reply) => {
    if (deps.isShuttingDown()) return reply.status(503).send({ status: "shutting_down" });
    try {
      await ping(deps.db);
      if (!(await migrationsApplied(deps.db))) return reply.status(503).send({ status: "migrations_pending" });
      return { status: "ready" };
    } catch {
      return reply.status(503).send({ status: "database_unreachable" });
    }
  });

  app.get("/metrics", { schema: { hide: true } }, async (_req, reply) => {
    return reply.header("content-type", deps.metrics.contentType).send(await deps.metrics.metrics());
  });
};
