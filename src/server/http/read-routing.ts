import type { FastifyInstance } from "fastify";
import { routeReads } from "../db/replicas";

/** The cookie that tells any process its bearer wrote a moment ago (a time in ms; nothing personal). */
export const RECENT_WRITE_COOKIE = "haoban_rw";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Read-your-writes with replicas: a request that writes reads from the primary throughout, and so does
 * every request of the same browser for `windowMs` after a successful write (a cookie, so that whichever
 * process answers knows) — what a user just changed is what they see next, even on a page served from
 * a replica's data. Other requests read where `Store.stale` sends them.
 */
export function registerReadRouting(app: FastifyInstance, windowMs: number, secure: boolean, now: () => number = Date.now): void {
  app.addHook("onRequest", (req, _reply, done) => {
    const wroteAt = Number(req.cookies[RECENT_WRITE_COOKIE] ?? 0);
    const primary = !READS.has(req.method) || (wroteAt > 0 && now() - wroteAt < windowMs);
    routeReads(primary, done);
  });
  app.addHook("onSend", async (req, reply) => {
    if (READS.has(req.method) || reply.statusCode >= 400) return;
    void reply.setCookie(RECENT_WRITE_COOKIE, String(now()), { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: Math.ceil(windowMs / 1000) });
  });
}
