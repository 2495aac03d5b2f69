import type { FastifyPluginAsync } from "fastify";
import { fileEndpoints as api } from "../../../shared/api/file";
import { route } from "../../http/endpoints";
import { DomainError } from "../../domain-error";
import { sendError } from "../../http/error-handler";
import { requestContext, requireActor } from "../../http/auth-plugin";
import type { FileService } from "./file.service";

/** Materials upload and download. The body is the file itself; its name comes in `x-file-name` (URI-encoded). */
export const fileRoutes: FastifyPluginAsync<{ files: FileService; maxBytes: number }> = async (app, { files, maxBytes }) => {
  // Every body reaches the service as bytes so that the content, not the label, decides its type.
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
  app.setErrorHandler((err: { code?: string }, req, reply) => {
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") return sendError(req, reply, "FILE_TOO_LARGE", { maxBytes });
    throw err;
  });
  route(app, api.postFiles, async (req) => {
    const actor = requireActor(req);
    if (!Buffer.isBuffer(req.body)) throw new DomainError("FILE_TYPE_NOT_ALLOWED");
    const fileName = decodeName(req.headers["x-file-name"]);
    const declaredMime = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    return (await files.upload(actor, { fileName, declaredMime, body: req.body }, requestContext(req)));
  });
  route(app, api.getFilesById, async (req, reply) => {
    const file = await files.read(requireActor(req), req.params.id, requestContext(req));
    // Served as an attachment unless the platform's own page previews it (an image or the PDF frame).
    const disposition = req.query.preview && !req.query.download ? "inline" : "attachment";
    return reply
      .header("content-type", file.mime)
      .header("content-disposition", `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header("cache-control", "private, no-store")
      // Shown inside the platform's own pages (PDF preview), never framed elsewhere, never running scripts.
      .header("content-security-policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'")
      .header("x-frame-options", "SAMEORIGIN")
      .send(file.body);
  });
};

function decodeName(raw: string | undefined): string {
  let name = "材料";
  try {
    if (raw) name = decodeURIComponent(raw);
  } catch {
    throw new DomainError("VALIDATION_FAILED", { issues: [{ path: "headers.x-file-name", message: "文件名编码不正确" }] });
  }
  return name; // cleaned by the service (control and bidirectional characters, length, extension)
}
