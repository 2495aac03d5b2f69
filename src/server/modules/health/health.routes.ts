import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import type { Kysely } from "kysely";
import type { Registry } from "prom-client";
import { migrationsApplied, ping } from "../../db/database";
import type { DB } from "../../db/schema";

/** Liveness, readiness and Prometheus metrics; outside /api so that probes need no session. */
export const healthRoutes: FastifyPluginAsync<{ db: Kysely<DB>; metrics: Registry; metricsToken: string | undefined; isShuttingDown: () => boolean }> = async (app, deps) => {
  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));

  // Once this process's migrations are found applied they stay so: later probes only ping the database.
  // (Reading the migrations takes Kysely's migration lock: under load a probe took 230 ms and 10 at once queued.)
  let migrated = false;
  app.get("/readyz", { schema: { hide: true } }, async (_req, reply) => {
    if (deps.isShuttingDown()) return reply.status(503).send({ status: "shutting_down" });
    try {
      await ping(deps.db);
      if (!migrated && !(migrated = await migrationsApplied(deps.db))) return reply.status(503).send({ status: "migrations_pending" });
      return { status: "ready" };
    } catch {
      return reply.status(503).send({ status: "database_unreachable" });
    }
  });

  // Metrics tell an outsider about traffic and internals: on the main port only with the configured
  // bearer token (HAOBAN_METRICS_TOKEN); otherwise they are served on their own address (main.ts).
  app.get("/metrics", { schema: { hide: true } }, async (req, reply) => {
    if (!deps.metricsToken) return reply.status(404).send({ error: { code: "NOT_FOUND", message: "请求的资源不存在" } });
    if (!bearerMatches(req.headers.authorization, deps.metricsToken)) {
      return reply.status(401).header("www-authenticate", 'Bearer realm="metrics"').send({ error: { code: "UNAUTHENTICATED", message: "请先登录" } });
    }
    return reply.header("content-type", deps.metrics.contentType).send(await deps.metrics.metrics());
  });
};

/** Compares a bearer token in constant time (over hashes, so lengths do not leak either). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "";
  const digest = (v: string) => createHash("sha256").update(v).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** Serves the metrics alone on their own listen address (HAOBAN_METRICS_PORT), for an internal scraper. */
export async function startMetricsServer(metrics: Registry, port: number, host: string): Promise<{ close: () => Promise<void>; port: number }> {
  const { createServer } = await import("node:http");
  const server = createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404).end();
      return;
    }
    metrics.metrics().then(
      (body) => res.writeHead(200, { "content-type": metrics.contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  return { port: typeof address === "object" && address ? address.port : port, close: () => new Promise((resolve) => server.close(() => resolve())) };
};
