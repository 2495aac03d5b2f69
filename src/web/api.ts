import { pathOf, queryString, type CallInput, type Endpoint, type ResponseOf } from "../shared/api/endpoint";
import type { ErrorBody } from "../shared/errors";
import { orgEndpoints } from "../shared/api/org";
import { fileEndpoints } from "../shared/api/file";
import type { OrgNode } from "../shared/schemas/staff";

/** A failed API call: the stable code and the message the server wrote in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** What to tell the user about a failed call: the server's message in their language, or the error's own. */
export function errorMessage(err: unknown): string {
  return err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
}

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from login or /me) for later changes. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Sends one request to the JSON API under /api/v1; throws ApiError with the server's code and message. Pages call endpoints of the shared table through `call`. */
/** Reads started at load, beside the page's own script (see first-reads.ts): each is used once, while fresh. */
const early = new Map<string, { at: number; response: Promise<Response> }>();
const EARLY_FRESH_MS = 10_000;

/** Starts a GET now, for the page about to ask for it: on a slow phone its round trip overlaps the page's download. */
export function readEarly<E extends Endpoint>(e: E, input: CallInput<E>): void {
  if (e.method !== "GET") return;
  const { params, query } = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  const path = pathOf(e, params) + queryString(query);
  const response = fetch(`/api/v1${path}`, { headers: { accept: "application/json" }, credentials: "same-origin" });
  // An unused early read must not surface as an unhandled rejection; its caller sees the error, if any, when it asks.
  response.catch(() => undefined);
  early.set(path, { at: Date.now(), response });
}

function takeEarly(path: string): Promise<Response> | undefined {
  const e = early.get(path);
  early.delete(path);
  return e && Date.now() - e.at < EARLY_FRESH_MS ? e.response : undefined;
}

async function request<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...extraHeaders };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const started = method === "GET" && Object.keys(extraHeaders).length === 0 ? takeEarly(path) : undefined;
  const res = await (started ??
    fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    }));
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = (data as ErrorBody | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? "INTERNAL", err?.message ?? res.statusText, err?.details);
  }
  return data as T;
}

/**
 * Calls an endpoint of the shared endpoint table: its path parameters, query and body are typed from
 * the endpoint's schemas, and so is the result — no response type is written by hand in the web app.
 */
export function call<E extends Endpoint>(e: E, input: CallInput<E>): Promise<ResponseOf<E>> {
  const { params, query, body, headers } = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; headers?: Record<string, string> };
  return request<ResponseOf<E>>(e.method, pathOf(e, params) + queryString(query), body, headers);
}

/** Uploads a file as the raw request body (an .xlsx workbook, a material) to an endpoint of the table; same errors as `call`. */
export async function uploadFile<E extends Endpoint>(e: E, input: Omit<CallInput<E>, "body">, file: Blob, contentType: string, fileName?: string): Promise<ResponseOf<E>> {
  const { params, query } = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  const res = await fetch(`/api/v1${pathOf(e, params)}${queryString(query)}`, {
    method: "POST",
    headers: { "content-type": contentType, accept: "application/json", ...(csrfToken ? { "x-csrf-token": csrfToken } : {}), ...(fileName ? { "x-file-name": encodeURIComponent(fileName) } : {}) },
    credentials: "same-origin",
    body: file,
  });
  const data = await res.json();
  if (!res.ok) {
    const err = (data as ErrorBody).error;
    throw new ApiError(res.status, err.code, err.message, err.details);
  }
  return data as ResponseOf<E>;
}

/**
 * Posts to an endpoint that answers with a file (a generated document's preview) and returns it as a
 * Blob; errors come back as ApiError like `call`'s.
 */
export async function fetchFile<E extends Endpoint>(e: E, input: CallInput<E>): Promise<Blob> {
  const { params, query, body } = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const res = await fetch(`/api/v1${pathOf(e, params)}${queryString(query)}`, {
    method: e.method,
    headers: { accept: "application/pdf, application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...(csrfToken && e.method !== "GET" ? { "x-csrf-token": csrfToken } : {}) },
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const err = ((await res.json().catch(() => ({}))) as Partial<ErrorBody>).error;
    throw new ApiError(res.status, err?.code ?? "INTERNAL", err?.message ?? res.statusText, err?.details);
  }
  return res.blob();
}

/** Children of an org in the public tree (the roots without a parent). */
export async function orgChildren(parentId?: string): Promise<OrgNode[]> {
  return (await call(orgEndpoints.getOrgs, { query: parentId ? { parentId } : {} })).items;
}

/** Everything directly under the city: districts, city departments and the city's centre. */
export async function cityChildren(): Promise<OrgNode[]> {
  const [city] = await orgChildren();
  return orgChildren(city!.id);
}

export type UploadedFile = ResponseOf<typeof fileEndpoints.postFiles>;

/** Uploads one material (JPEG, PNG or PDF; the server checks the content). */
export function uploadMaterial(file: File): Promise<UploadedFile> {
  return uploadFile(fileEndpoints.postFiles, {}, file, file.type || "application/octet-stream", file.name);
}
