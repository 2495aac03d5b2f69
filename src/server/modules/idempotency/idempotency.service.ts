import { createHash } from "node:crypto";
import type { Store, UnitOfWork } from "../../db/store";
import type { IdempotencyRepository } from "./idempotency.repository";
import { DomainError } from "../../domain-error";
import { canonicalJson } from "../../../shared/canonical-json";
import type { RequestKey } from "./idempotency.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { idempotency: IdempotencyRepository };

/** Records the result of the work in the work's own transaction. */
/** Marks the claimed key as done with the result, in the unit of work that created the result. */
export type CompleteIdempotent = (unit: UnitOfWork, resultRef: string) => Promise<void>;

export interface IdempotencyOptions {
  /** How long a duplicate waits for the first request before answering BUSY_RETRY. */
  waitMs: number;
  /** A pending claim older than this belongs to a request whose process died: it may be taken over. */
  staleSeconds: number;
  pollMs: number;
}

const DEFAULTS: IdempotencyOptions = { waitMs: 30_000, staleSeconds: 120, pollMs: 25 };

/**
 * One idempotency mechanism for every submitting route (Idempotency-Key). The key is scoped to the
 * account and to `scope` (the route and its target, e.g. "one-click:<item id>"):
 * - the first request claims it and does the work; the work records its result in its own transaction;
 * - a duplicate sent at the same time waits for the first and returns the same result;
 * - a retry after it finished returns the same result, never a second record;
 * - the same key with a different request is IDEMPOTENCY_KEY_REUSED;
 * - if the work fails, the claim is given up and a retry runs it again.
 * Raises: IDEMPOTENCY_KEY_REUSED, BUSY_RETRY.
 */
export class IdempotencyService {
  private readonly options: IdempotencyOptions;
  constructor(
    private readonly store: Store<Repos>,
    options: Partial<IdempotencyOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Runs `work` once per key; `replay` turns a recorded result back into the response. Without a key, just runs it. */
  async run<T>(
    request: { accountId: string; scope: string; key: string | null; body: unknown },
    work: (complete: CompleteIdempotent) => Promise<T>,
    replay: (resultRef: string) => Promise<T>,
  ): Promise<T> {
    if (!request.key) return work(async () => {});
    const k: RequestKey = { accountId: request.accountId, scope: request.scope, key: request.key };
    const hash = createHash("sha256").update(`${request.scope}\n${canonicalJson(request.body ?? null)}`).digest("hex");
    const repos = this.store.repos;
    const deadline = Date.now() + this.options.waitMs;
    for (;;) {
      if (Date.now() > deadline) throw new DomainError("BUSY_RETRY");
      if (await repos.idempotency.claim(k, hash)) {
        try {
          return await work((unit, ref) => this.store.within(unit).idempotency.complete(k, ref));
        } catch (err) {
          await repos.idempotency.release(k);
          throw err;
        }
      }
      const seen = await repos.idempotency.find(k);
      if (!seen) continue; // given up a moment ago: claim it again
      if (seen.request_hash !== hash) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
      if (seen.status === "done" && seen.result_ref) return replay(seen.result_ref);
      if (Number(seen.age_seconds) > this.options.staleSeconds) {
        await repos.idempotency.release(k, this.options.staleSeconds);
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs));
    }
  }
}
