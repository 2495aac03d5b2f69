import { randomUUID } from "node:crypto";
import type { Database } from "./database";

/**
 * What changed, for the copies every server process keeps in memory: a session or an account (who may do
 * what), every session at once (who may act for which enterprise), a certificate's status, the searchable
 * content, the working-day calendar.
 */
export type ChangeTopic = "session" | "account" | "sessions" | "certificate" | "catalogue" | "calendar";

/** A key that means "everything": the listening connection was lost a while, so whatever was missed is forgotten. */
export const EVERYTHING = "*";

/** The PostgreSQL channel the platform's processes listen on (migration 0051's triggers notify it too). */
export const CHANGE_CHANNEL = "haoban_changes";

const TOPICS = new Set<string>(["session", "account", "sessions", "certificate", "catalogue", "calendar"]);

/** Topics whose changes the database's own triggers announce (migration 0051): a process applies them here and sends nothing. */
const ANNOUNCED_BY_DATABASE = new Set<ChangeTopic>(["certificate", "catalogue", "calendar"]);

/**
 * Tells every process of the platform what changed, through PostgreSQL's LISTEN/NOTIFY, so that a copy
 * kept in memory (resolved sessions, certificate verifications, the search index, the calendar) is
 * forgotten in all of them at once, not when its time runs out. A change made by this process is applied
 * here at once (its own next request must see it) and sent to the others; changes the database announces
 * itself (the triggers of migration 0051: a publication, a calendar year, a certificate's status) reach
 * every process, this one included, when their transaction commits, and are not sent again. Without a database connection
 * (`ChangeBus.local()`, tests of one service) the changes stay in the process.
 *
 * A notification is `origin|topic|key`; `db` is the origin of the triggers'.
 */
export class ChangeBus {
  private readonly handlers = new Map<ChangeTopic, Array<(key: string) => void>>();
  private readonly origin = randomUUID().slice(0, 8);
  private stop: (() => Promise<void>) | null = null;

  private constructor(
    private readonly send: ((payload: string) => Promise<unknown>) | null,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Changes stay in this process. */
  static local(): ChangeBus {
    return new ChangeBus(null, () => {});
  }

  /** Listens on the database's change channel (a connection of its own on a server, made again when lost; everything kept is forgotten when it is lost and again once it is back). */
  static async connect(database: Database, onError: (err: unknown) => void): Promise<ChangeBus> {
    // The embedded database belongs to one process: there is no one to tell, but its triggers are still heard.
    const send = database.kind === "postgres" ? (payload: string) => database.executeSql("select pg_notify($1, $2)", [CHANGE_CHANNEL, payload]) : null;
    const bus = new ChangeBus(send, onError);
    bus.stop = await database.listen(
      CHANGE_CHANNEL,
      (payload) => bus.receive(payload),
      () => bus.dispatchAll(EVERYTHING),
      onError,
    );
    return bus;
  }

  /** `handler(key)` runs for each change of `topic`; `key` is `EVERYTHING` when all of it must be forgotten. */
  subscribe(topic: ChangeTopic, handler: (key: string) => void): void {
    const list = this.handlers.get(topic) ?? [];
    list.push(handler);
    this.handlers.set(topic, list);
  }

  /**
   * Applies a change here at once and tells the other processes (call once the change is committed). The
   * topics the database announces itself reach the others through their triggers, so they are not sent again.
   */
  publish(topic: ChangeTopic, key: string = EVERYTHING): void {
    this.dispatch(topic, key);
    if (this.send && !ANNOUNCED_BY_DATABASE.has(topic)) void this.send(`${this.origin}|${topic}|${key}`).catch(this.onError);
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.stop = null;
  }

  private receive(payload: string) {
    const [origin, topic, ...rest] = payload.split("|");
    if (origin === this.origin || !topic || !TOPICS.has(topic)) return;
    this.dispatch(topic as ChangeTopic, rest.join("|") || EVERYTHING);
  }

  private dispatch(topic: ChangeTopic, key: string) {
    for (const handler of this.handlers.get(topic) ?? []) {
      try {
        handler(key);
      } catch (err) {
        this.onError(err);
      }
    }
  }

  private dispatchAll(key: string) {
    for (const topic of this.handlers.keys()) this.dispatch(topic, key);
  }
}
