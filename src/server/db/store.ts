import type { Kysely } from "kysely";
import type { DB } from "./schema";

declare const unitOfWorkBrand: unique symbol;

/**
 * One transaction (or the pool outside one) that the services of a request share. A service that
 * another opened a transaction for takes the unit of work and reads its own repositories from it
 * (`store.within(unit)`), so each service still sees only the repositories it declared.
 */
export interface UnitOfWork {
  readonly [unitOfWorkBrand]: true;
}

/** A service's repositories (the set `R` it declares) outside a transaction, and a way to run work in one. */
export interface Store<R> {
  readonly repos: R & UnitOfWork;
  /**
   * The same repositories for reads that may be a little stale (public catalogue, guides, search,
   * policies, verification, public figures): served by a streaming replica when one is configured and
   * fresh enough, else by the primary. Never for writes, nor for what the user is acting on.
   */
  readonly stale: R & UnitOfWork;
  /** Runs `work` in one transaction; everything it writes commits or rolls back together. */
  transact<T>(work: (repos: R & UnitOfWork) => Promise<T>): Promise<T>;
  /** This service's repositories inside a unit of work that another service opened. */
  within(unit: UnitOfWork): R & UnitOfWork;
}

/**
 * Work to do once the current unit of work has committed (outside a transaction: at once). A
 * repository that leaves something for after the commit (the audit sequencer) schedules it here.
 */
export type AfterCommit = (work: () => Promise<void>) => Promise<void>;

/** Work to run inside the current transaction just before it commits (outside a transaction: at once). */
export type BeforeCommit = AfterCommit;

/**
 * A store whose repository sets are built by `build` for the pool and for each transaction. The
 * composition root builds one with every repository and hands it to each service typed as the
 * narrower `Store<…>` the service declares; `within` is sound because every unit of work comes from it.
 */
export function createStore<R extends object>(db: Kysely<DB>, build: (handle: Kysely<DB>, afterCommit: AfterCommit, beforeCommit: BeforeCommit) => R, reader: Kysely<DB> = db): Store<R> {
  const unit = (repos: R) => repos as R & UnitOfWork;
  const repos = unit(build(db, (work) => work(), (work) => work()));
  return {
    repos,
    stale: reader === db ? repos : unit(build(reader, (work) => work(), (work) => work())),
    transact: async (work) => {
      const after: Array<() => Promise<void>> = [];
      const result = await db.transaction().execute(async (trx) => {
        const before: Array<() => Promise<void>> = [];
        const value = await work(unit(build(trx, async (w) => void after.push(w), async (w) => void before.push(w))));
        for (const w of before) await w();
        return value;
      });
      for (const w of after) await w();
      return result;
    },
    within: (u) => u as unknown as R & UnitOfWork,
  };
}
