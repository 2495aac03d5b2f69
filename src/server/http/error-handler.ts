import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { ERRORS, type ErrorBody, type ErrorCode } from "../../shared/errors";
import { DomainError } from "../domain-error";
import { requestLang } from "./lang";

/** Fastify's own error codes that are the client's fault, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "MALFORMED_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "MALFORMED_JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "VALIDATION_FAILED",
  FST_ERR_VALIDATION: "VALIDATION_FAILED",
};

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: { params?: { errorCode?: string } };
}

export function sendError(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: unknown) {
  const entry = ERRORS[code];
  const body: ErrorBody = { error: { code, message: entry[requestLang(req)], ...(details !== undefined ? { details } : {}) } };
  const retry = (details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (retry !== undefined) void reply.header("retry-after", String(retry));
  return reply.status(entry.status).send(body);
}

/** One place where every failure becomes `{"error":{"code","message","details"}}`; never a stack trace. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | DomainError, req, reply) => {
    if (error instanceof DomainError) return sendError(req, reply, error.code, error.details);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = (error.validation as unknown as ValidationIssue[]).map((v) => ({
        path: `${error.validationContext ?? "body"}${v.instancePath}`,
        code: v.params?.params?.errorCode ?? v.keyword,
        message: v.message,
      }));
      // A field-level rule with its own code (a bad check digit, say) names the whole error.
      const specific = issues.find((i) => i.code in ERRORS && i.code !== "VALIDATION_FAILED");
      const code = (specific?.code as ErrorCode | undefined) ?? "VALIDATION_FAILED";
      const details = { issues: issues.map((i) => (i.code in ERRORS ? { ...i, message: ERRORS[i.code as ErrorCode][requestLang(req)] } : i)) };
      return sendError(req, reply, code, details);
    }

    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendError(req, reply, mapped);
    if (error.statusCode === 429) return sendError(req, reply, "RATE_LIMITED");
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error as never)) {
      req.log.info({ err: error }, "client error");
      return sendError(req, reply, error.statusCode === 404 ? "NOT_FOUND" : "VALIDATION_FAILED");
    }
    req.log.error({ err: error }, "unhandled error");
    return sendError(req, reply, "INTERNAL");
  });
}
