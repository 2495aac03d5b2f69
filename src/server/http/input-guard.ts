import type { FastifyInstance } from "fastify";
import { DomainError } from "../domain-error";

/** How deep a JSON body or query may nest: far beyond any form, far below a stack overflow. */
export const MAX_NESTING = 32;

/** NUL and lone UTF-16 surrogates: PostgreSQL cannot store the one, and the other is no character at all. */
// NUL is exactly what this refuses.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface InputProblem {
  path: string;
  code: "TEXT_INVALID_CHARACTER" | "NESTING_TOO_DEEP";
}

/** True when a string holds a NUL or a lone surrogate. */
export function hasForbiddenText(value: string): boolean {
  return FORBIDDEN_TEXT.test(value);
}

/**
 * The first problem in a parsed request part: a string (value or key) with a forbidden character,
 * or nesting deeper than MAX_NESTING. Walks with an explicit stack, so no input can overflow it.
 */
export function findInputProblem(root: unknown, rootPath: string): InputProblem | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (hasForbiddenText(value)) return { path, code: "TEXT_INVALID_CHARACTER" };
      continue;
    }
    if (value === null || typeof value !== "object" || Buffer.isBuffer(value)) continue;
    if (depth >= MAX_NESTING) return { path, code: "NESTING_TOO_DEEP" };
    for (const [key, child] of Object.entries(value)) {
      const childPath = `${path}/${key}`;
      if (hasForbiddenText(key)) return { path: childPath, code: "TEXT_INVALID_CHARACTER" };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Refuses, before any schema or service sees them, request parts that no field of the platform may
 * hold: NUL characters and lone surrogates in any string or key of the path parameters, query or
 * JSON body, and bodies nested deeper than MAX_NESTING. Runs after authentication, so an anonymous
 * caller of a private route still gets 401 first.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook("preValidation", async (req) => {
    for (const [part, value] of [["params", req.params], ["querystring", req.query], ["body", req.body]] as const) {
      const problem = findInputProblem(value, part);
      if (problem) throw new DomainError(problem.code, { issues: [{ path: problem.path, code: problem.code }] });
    }
  });
}
