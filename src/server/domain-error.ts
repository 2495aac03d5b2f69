import type { ErrorCode } from "../shared/errors";

/** A failure the user can act on. The domain raises it; only the HTTP layer turns it into a status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = "DomainError";
  }
}
