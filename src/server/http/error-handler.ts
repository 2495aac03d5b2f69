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
  FST_ERR_BAD_URL: "VALIDATION_FAILED",
  FST_ERR_MAX_PARAM_LENGTH: "URL_TOO_LONG",
  FST_ERR_ASYNC_CONSTRAINT: "VALIDATION_FAILED",
};

/** Errors Fastify raises before routing (a bad URL, an over-long parameter), in the platform's error shape. */
export function frameworkErrorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return sendError(req, reply, FASTIFY_CODES[error.code] ?? "VALIDATION_FAILED");
}

/**
 * PostgreSQL errors (SQLSTATE) that input or a concurrent change caused, not a fault of ours: the
 * backstop behind the schemas, so that whatever slips past them is a 4xx, never a 500.
 */
const DATABASE_CODES: Record<string, ErrorCode> = {
  "22001": "VALIDATION_FAILED", // string_data_right_truncation
  "22003": "NUMBER_OUT_OF_RANGE", // numeric_value_out_of_range
  "22007": "VALIDATION_FAILED", // invalid_datetime_format
  "22008": "VALIDATION_FAILED", // datetime_field_overflow
  "22021": "TEXT_INVALID_CHARACTER", // character_not_in_repertoire
  "22P02": "VALIDATION_FAILED", // invalid_text_representation (a malformed uuid, say)
  "22P05": "TEXT_INVALID_CHARACTER", // untranslatable_character (\u0000 in jsonb)
  "2202E": "VALIDATION_FAILED", // array_subscript_error
  "22023": "VALIDATION_FAILED", // invalid_parameter_value
  "23502": "VALIDATION_FAILED", // not_null_violation
  "23514": "VALIDATION_FAILED", // check_violation
  "23505": "CONFLICT", // unique_violation
  "23503": "CONFLICT", // foreign_key_violation
  "40001": "BUSY_RETRY", // serialization_failure
  "40P01": "BUSY_RETRY", // deadlock_detected
  "55P03": "BUSY_RETRY", // lock_not_available
};

/** The platform's error code for a PostgreSQL error raised by input or concurrency, if it is one. */
export function databaseErrorCode(error: unknown): ErrorCode | undefined {
  const e = error as { code?: unknown; severity?: unknown } | null;
  if (!e || typeof e.code !== "string" || !/^[0-9A-Z]{5}$/.test(e.code)) return undefined;
  return DATABASE_CODES[e.code];
}

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: { params?: { errorCode?: string } };
}

export function sendError(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: unknown) {
  const entry = ERRORS[code];
  // A domain error may say more than its code's message (naming the record it concerns, say).
  const isRecord = details !== null && typeof details === "object" && !Array.isArray(details);
  const { say, ...rest } = (isRecord ? details : {}) as { say?: { zh: string; en: string } };
  const message = say?.[requestLang(req)] ?? entry[requestLang(req)];
  const shown = isRecord ? rest : details;
  const body: ErrorBody = { error: { code, message, ...(shown !== undefined ? { details: shown } : {}) } };
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
    const fromDatabase = databaseErrorCode(error);
    if (fromDatabase) {
      req.log.warn({ err: error }, "database refused the input");
      return sendError(req, reply, fromDatabase);
    }
    if (error.statusCode === 429) return sendError(req, reply, "RATE_LIMITED");
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error as never)) {
      req.log.info({ err: error }, "client error");
      return sendError(req, reply, error.statusCode === 404 ? "NOT_FOUND" : "VALIDATION_FAILED");
    }
    req.log.error({ err: error }, "unhandled error");
    return sendError(req, reply, "INTERNAL");
  });
}

/**
 * A request the HTTP parser refused before Fastify saw it (headers or URL too large, malformed
 * request line): answered in the platform's error shape, in Chinese, then the connection closes.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: import("node:net").Socket) {
  if (!socket.writable) return socket.destroy();
  const status = err.code === "HPE_HEADER_OVERFLOW" ? 431 : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const code: ErrorCode = status === 431 ? "URL_TOO_LONG" : "VALIDATION_FAILED";
  const body = JSON.stringify({ error: { code, message: ERRORS[code].zh } });
  const reason = status === 431 ? "Request Header Fields Too Large" : status === 408 ? "Request Timeout" : "Bad Request";
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
