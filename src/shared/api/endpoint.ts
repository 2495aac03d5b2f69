import type { z } from "zod";
import type { ClientScope } from "../integrations";
import type { Role } from "../roles";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call an endpoint at all, checked on the server before the body is read: anyone (public),
 * anyone signed in, or callers by kind — citizens, and staff (any staff with `[]`, those holding one of
 * the roles named, or none with `null`). Finer checks (scope, ownership) stay in the services.
 */
export type Access = { kind: "public" } | { kind: "signed_in" } | { kind: "callers"; citizens: boolean; staffRoles: readonly Role[] | null };

export const anyone: Access = { kind: "public" };
export const signedIn: Access = { kind: "signed_in" };
export const citizens: Access = { kind: "callers", citizens: true, staffRoles: null };
export const staff = (...roles: Role[]): Access => ({ kind: "callers", citizens: false, staffRoles: roles });
export const citizensOr = (...roles: Role[]): Access => ({ kind: "callers", citizens: true, staffRoles: roles });

/**
 * One endpoint of the JSON API, declared once for the server (which registers its route, validates with
 * these schemas and documents it in OpenAPI) and the web app (whose client takes its argument and result
 * types from here). `path` is under /api/v1, with `:name` parameters.
 */
export interface Endpoint {
  method: HttpMethod;
  path: string;
  summary: string;
  tags: readonly string[];
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Request headers the endpoint reads (Idempotency-Key …). */
  headers?: z.ZodType;
  /** The success status (200 unless said otherwise) and its JSON body; 204 answers with no body; none for a file. */
  status?: 200 | 201 | 204;
  response?: z.ZodType;
  /** Error answers beyond the standard ones: 410 (a link used up or expired), 413 and 415 (uploads). */
  errors?: readonly (410 | 413 | 415)[];
  /** False on the few mutations that work without a CSRF token (login, registration). */
  csrf?: false;
  /** The scope a department system's access token must carry to call this endpoint; without one, machine clients are refused. */
  clientScope?: ClientScope;
}

/** Declares an endpoint, keeping its literal types for the server's handler and the client. */
export function endpoint<const E extends Endpoint>(e: E): E {
  return e;
}

type Part<E, K extends "params" | "query" | "body" | "headers", Stage extends "input" | "output"> = E extends { [P in K]: infer S extends z.ZodType } ? (Stage extends "input" ? z.input<S> : z.output<S>) : undefined;

/** What the server's handler receives, validated and coerced by the endpoint's schemas. */
export interface Received<E extends Endpoint> {
  params: Part<E, "params", "output">;
  query: Part<E, "query", "output">;
  body: Part<E, "body", "output">;
  headers: Part<E, "headers", "output">;
}

/** The endpoint's success body. */
export type ResponseOf<E extends Endpoint> = E extends { response: infer S extends z.ZodType } ? z.output<S> : unknown;

type Required<E, K extends "params" | "body"> = E extends { [P in K]: infer S extends z.ZodType } ? { [P in K]: z.input<S> } : { [P in K]?: undefined };
type Optional<E, K extends "query"> = E extends { [P in K]: infer S extends z.ZodType } ? { [P in K]?: z.input<S> } : { [P in K]?: undefined };

/** What the client passes: path parameters and body when the endpoint has them, an optional query, extra headers. */
export type CallInput<E extends Endpoint> = Required<E, "params"> & Optional<E, "query"> & Required<E, "body"> & { headers?: Record<string, string> };

/** The endpoint's path with its parameters filled in (each encoded). */
export function pathOf(e: Endpoint, params: Record<string, unknown> | undefined): string {
  return e.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name} for ${e.method} ${e.path}`);
    return encodeURIComponent(String(value));
  });
}

/** A query string (with its leading "?") from the defined values; empty when there are none. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** One element of a list endpoint's `items`. */
export type ItemOf<E extends Endpoint> = ResponseOf<E> extends { items: Array<infer T> } ? T : never;
