import type { FastifyReply } from "fastify";

/** A PDF answer: inline for the platform's own preview, else an attachment; never cached, never framed elsewhere. */
export function sendPdf(reply: FastifyReply, fileName: string, body: Uint8Array, inline: boolean) {
  return reply
    .header("content-type", "application/pdf")
    .header("content-disposition", `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header("cache-control", "private, no-store")
    .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'")
    .header("x-frame-options", "SAMEORIGIN")
    .send(Buffer.from(body));
}
