import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/** A real streaming replica of the machine's PostgreSQL server, for the tests of read routing. */
export interface TestReplica {
  /** The replica's address of a database of the primary. */
  url(database: string): string;
  /** Stops replaying the primary's WAL (it falls behind), and goes on. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops its postmaster at once, as a crash would; `start` brings it back. */
  stop(): void;
  start(): Promise<void>;
  close(): void;
}

const asPostgres = process.getuid?.() === 0;

/** Runs a PostgreSQL program as the postgres user (the server refuses to run as root). */
function run(binDir: string, program: string, args: string[]): string {
  const file = path.join(binDir, program);
  return asPostgres ? execFileSync("runuser", ["-u", "postgres", "--", file, ...args], { encoding: "utf8", stdio: "pipe" }) : execFileSync(file, args, { encoding: "utf8", stdio: "pipe" });
}

/**
 * Takes a base backup of the server behind `primaryUrl` (`pg_basebackup -R`: it starts as a standby
 * streaming from the primary) into a temporary directory and starts a second postmaster on it, on a
 * port of its own. The server must accept replication connections from 127.0.0.1 (a `replication` line
 * in pg_hba.conf; `.ci/run` adds one when missing).
 */
export async function startReplica(primaryUrl: string): Promise<TestReplica> {
  const primary = new pg.Client({ connectionString: primaryUrl });
  await primary.connect();
  let major: string;
  try {
    const allowed = await primary.query<{ n: number }>("select count(*)::int as n from pg_hba_file_rules where 'replication' = any(database) and error is null");
    if (!allowed.rows[0]!.n) {
      throw new Error("the PostgreSQL server does not accept replication connections: add 'host replication all 127.0.0.1/32 trust' to its pg_hba.conf and reload it (.ci/run does this)");
    }
    major = String(Math.floor(Number((await primary.query<{ v: string }>("select current_setting('server_version_num') as v")).rows[0]!.v) / 10000));
  } finally {
    await primary.end();
  }
  const binDir = `/usr/lib/postgresql/${major}/bin`;
  if (!existsSync(path.join(binDir, "pg_basebackup"))) throw new Error(`no pg_basebackup in ${binDir}`);
  const u = new URL(primaryUrl);
  const dir = mkdtempSync(path.join(tmpdir(), "haoban-replica-"));
  const data = path.join(dir, "data");
  if (asPostgres) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const port = 15432 + Math.floor(Math.random() * 2000);
  run(binDir, "pg_basebackup", ["-h", u.hostname, "-p", u.port || "5432", "-U", decodeURIComponent(u.username || "postgres"), "-D", data, "-X", "stream", "-R", "-c", "fast"]);
  // The machine's configuration lives outside its data directory (Debian): the replica gets its own.
  const own = (file: string, text: string) => {
    writeFileSync(path.join(data, file), text);
    if (asPostgres) chownSync(path.join(data, file), Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()), Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()));
  };
  own("postgresql.conf", [`port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`, "hot_standby = on", "shared_buffers = 32MB", "max_connections = 100", "logging_collector = off", ""].join("\n"));
  own("pg_hba.conf", "local all all trust\nhost all all 127.0.0.1/32 trust\n");
  own("pg_ident.conf", "");
  const replicaUrl = (database: string) => `postgres://${u.username || "postgres"}@127.0.0.1:${port}/${database}`;
  const query = async (sql: string) => {
    const c = new pg.Client({ connectionString: replicaUrl("postgres") });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  };
  const start = async () => {
    run(binDir, "pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"]);
    for (let i = 0; ; i++) {
      const standby = await query("select pg_is_in_recovery() as standby").then((rows) => rows[0]?.standby === true, () => false);
      if (standby) return;
      if (i > 200) throw new Error("the replica did not come up as a standby");
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stop = () => {
    try {
      run(binDir, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped
    }
  };
  await start();
  return {
    url: replicaUrl,
    pauseReplay: async () => void (await query("select pg_wal_replay_pause()")),
    resumeReplay: async () => void (await query("select pg_wal_replay_resume()")),
    stop,
    start,
    close: () => {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
