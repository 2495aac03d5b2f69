/** Configuration from environment variables; every variable is listed in the README. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Streaming replicas for reads that may be a little stale (DATABASE_REPLICA_URLS, comma-separated). */
  replicaUrls: string[];
  /** A replica further behind the primary than this is skipped. */
  replicaMaxLagMs: number;
  /** How often each replica's lag is checked. */
  replicaCheckMs: number;
  dataDir: string;
  /** Base64 32-byte master key for field encryption; when absent a key file in dataDir is used. */
  dataKey: string | undefined;
  logLevel: string;
  /** Seed the demo city when the database is empty. */
  seedDemo: boolean;
  /** Run background job workers in this process (not with HAOBAN_ROLE=web). */
  jobs: boolean;
  /** What this process does: serve HTTP (`web`), run the background jobs (`jobs`), or both (`all`). */
  role: "web" | "jobs" | "all";
  /** HTTP processes on this machine (node cluster; a PostgreSQL server is needed beyond 1). */
  workers: number;
  cookieSecure: boolean;
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  /** How long a process keeps a resolved session (0: never); changes made in this process end it at once. */
  sessionCacheMs: number;
  /** Connections of the request pool on a PostgreSQL server; the job queue has its own. */
  databasePoolSize: number;
  jobsPoolSize: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  /** Failed logins from one client before each further attempt must wait (growing delay). */
  loginDelayAfter: number;
  /** Failed logins from unknown clients within the lock-out time that close an account to unknown clients. */
  loginAccountCeiling: number;
  /** Requests per minute per client address on the public API. */
  rateLimitPerMinute: number;
  /** Login and registration attempts per minute per client address. */
  loginRateLimitPerMinute: number;
  /** Where rate-limit counters live: this process's memory (one process), PostgreSQL or Redis (every process). */
  rateLimitStore: "memory" | "postgres" | "redis";
  /** Redis for rate-limit counters (HAOBAN_REDIS_URL, e.g. redis://127.0.0.1:6379). */
  redisUrl: string | undefined;
  /** Public pages that write or reveal something (the window rating page): requests per minute per address. */
  publicRateLimitPerMinute: number;
  /** Where the built web app is; served when present. */
  webDist: string;
  shutdownGraceMs: number;
  /** Trust X-Forwarded-For from a reverse proxy (only behind one; otherwise clients could spoof their address). */
  trustProxy: boolean;
  /** How often a process checks whether the catalogue changed and its search index must be rebuilt. */
  searchRefreshMs: number;
  /** How long a public certificate verification answer is reused (HAOBAN_VERIFY_CACHE_MS; 0 turns it off). */
  verifyCacheMs: number;
  /** Where uploaded materials are kept: a local directory (default) or an S3-compatible bucket. */
  storage: { kind: "local"; dir: string } | { kind: "database" } | { kind: "s3"; bucket: string; region: string; endpoint?: string; forcePathStyle: boolean };
  /** The largest material a user may upload, in bytes. */
  uploadMaxBytes: number;
  /** SMTP URL for e-mail notifications (e.g. smtps://user:pass@mail.example.org); e-mail is off without it. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where the SMS simulator writes what it would have sent (JSON lines). */
  smsSimulatorFile: string;
  /** How often the notification worker looks at the outbox and the pending deliveries. */
  notifyIntervalMs: number;
  /** How often a jobs process looks for generated documents that submissions owe (HAOBAN_DOCUMENTS_INTERVAL_MS). */
  documentsIntervalMs: number;
  /** Bearer token that /metrics requires on the main port; without it (and without metricsPort) /metrics is off there. */
  metricsToken: string | undefined;
  /** A separate listen address for /metrics (no token): for scrapers on an internal network. */
  metricsPort: number | undefined;
  metricsHost: string;
  /** For demonstrations and browser tests only: the clock starts at this instant and runs on from there. */
  clockStart: Date | undefined;
  /**
   * 统一支付: the payment platform's address (HAOBAN_PAYMENT_URL); without it `npm start` runs the local
   * payment simulator on `simulatorPort` and uses that. The merchant id and key sign both ways.
   */
  payment: { url: string | undefined; merchantId: string; key: string; simulatorPort: number; notifyUrl: string; queryAfterMs: number };
  /** 统一物流: the postal carrier (HAOBAN_POST_URL); without it `npm start` runs the local postal simulator, whose parcels move on every `simulatorStepMs`. */
  post: { url: string | undefined; merchantId: string; key: string; simulatorPort: number; simulatorStepMs: number; notifyUrl: string };
  /** The address citizens reach the web app at (where the cashier sends them back). */
  publicUrl: string;
  /**
   * Department systems: access tokens' lifetime, the token endpoint's limit per address, and the webhooks —
   * the first retry's wait (doubling up to `maxBackoffMs`), how long a delivery is retried before it is
   * dead-lettered, the receiver's time to answer, deliveries per round, and how often an idle worker looks.
   * `demoSystemPort`: where `npm start` runs the demo department system (0: not at all), with the demo client's secret.
   */
  integrations: { demoClientSecret: string; tokenTtlSeconds: number; tokenRateLimitPerMinute: number; webhookBackoffMs: number; webhookMaxBackoffMs: number; webhookRetryMs: number; webhookTimeoutMs: number; webhookBatch: number; webhookIntervalMs: number; demoSystemPort: number };
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a whole number, got "${value}"`);
  return n;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return !["0", "false", "no", "off"].includes(value.toLowerCase());
}

function instant(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`expected an ISO date-time, got "${value}"`);
  return d;
}

/**
 * Where uploaded materials live: an S3-compatible bucket when named; else the database when it is a
 * PostgreSQL server (several processes read each other's files); else local disk. HAOBAN_FILES_STORE
 * chooses explicitly (local, database or s3).
 */
function fileStorage(env: NodeJS.ProcessEnv): Config["storage"] {
  const chosen = env.HAOBAN_FILES_STORE ?? (env.HAOBAN_S3_BUCKET ? "s3" : env.DATABASE_URL ? "database" : "local");
  if (chosen === "s3") {
    if (!env.HAOBAN_S3_BUCKET) throw new Error("HAOBAN_FILES_STORE=s3 needs HAOBAN_S3_BUCKET");
    return {
      kind: "s3",
      bucket: env.HAOBAN_S3_BUCKET,
      region: env.HAOBAN_S3_REGION ?? "us-east-1",
      ...(env.HAOBAN_S3_ENDPOINT ? { endpoint: env.HAOBAN_S3_ENDPOINT } : {}),
      forcePathStyle: bool(env.HAOBAN_S3_PATH_STYLE, true),
    };
  }
  if (chosen === "database") return { kind: "database" };
  if (chosen !== "local") throw new Error(`HAOBAN_FILES_STORE must be local, database or s3, got "${chosen}"`);
  return { kind: "local", dir: env.HAOBAN_FILES_DIR ?? `${env.HAOBAN_DATA_DIR ?? "./data"}/files` };
}

/** Shared counters whenever several processes may serve: Redis when configured, else PostgreSQL with a server database. */
function rateLimitStore(env: NodeJS.ProcessEnv): Config["rateLimitStore"] {
  const chosen = env.HAOBAN_RATE_LIMIT_STORE;
  if (chosen) {
    if (chosen !== "memory" && chosen !== "postgres" && chosen !== "redis") throw new Error(`HAOBAN_RATE_LIMIT_STORE must be memory, postgres or redis, got "${chosen}"`);
    return chosen;
  }
  if (env.HAOBAN_REDIS_URL) return "redis";
  return env.DATABASE_URL ? "postgres" : "memory";
}

/** HAOBAN_ROLE: web (HTTP only), jobs (background work only) or all (both, the default). */
function processRole(env: NodeJS.ProcessEnv): Config["role"] {
  const role = env.HAOBAN_ROLE ?? "all";
  if (role !== "web" && role !== "jobs" && role !== "all") throw new Error(`HAOBAN_ROLE must be web, jobs or all, got "${role}"`);
  return role;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL || undefined,
    replicaUrls: (env.DATABASE_REPLICA_URLS ?? "").split(",").map((u) => u.trim()).filter(Boolean),
    replicaMaxLagMs: int(env.HAOBAN_REPLICA_MAX_LAG_MS, 1_000),
    replicaCheckMs: int(env.HAOBAN_REPLICA_CHECK_MS, 500),
    dataDir: env.HAOBAN_DATA_DIR ?? "./data",
    dataKey: env.HAOBAN_DATA_KEY || undefined,
    logLevel: env.LOG_LEVEL ?? "info",
    seedDemo: bool(env.HAOBAN_SEED_DEMO, true),
    jobs: processRole(env) !== "web" && bool(env.HAOBAN_JOBS, true),
    role: processRole(env),
    workers: Math.max(1, int(env.HAOBAN_WORKERS, 1)),
    cookieSecure: bool(env.HAOBAN_COOKIE_SECURE, false),
    sessionTtlHours: int(env.HAOBAN_SESSION_TTL_HOURS, 12),
    sessionIdleMinutes: int(env.HAOBAN_SESSION_IDLE_MINUTES, 120),
    sessionCacheMs: int(env.HAOBAN_SESSION_CACHE_MS, 2000),
    databasePoolSize: int(env.HAOBAN_DB_POOL_SIZE, 10),
    jobsPoolSize: int(env.HAOBAN_JOBS_POOL_SIZE, 4),
    loginMaxFailures: int(env.HAOBAN_LOGIN_MAX_FAILURES, 5),
    lockoutMinutes: int(env.HAOBAN_LOCKOUT_MINUTES, 15),
    loginDelayAfter: int(env.HAOBAN_LOGIN_DELAY_AFTER, 3),
    loginAccountCeiling: int(env.HAOBAN_LOGIN_ACCOUNT_CEILING, 50),
    rateLimitPerMinute: int(env.HAOBAN_RATE_LIMIT_PER_MINUTE, 600),
    loginRateLimitPerMinute: int(env.HAOBAN_LOGIN_RATE_LIMIT_PER_MINUTE, 30),
    publicRateLimitPerMinute: int(env.HAOBAN_PUBLIC_RATE_LIMIT_PER_MINUTE, 60),
    rateLimitStore: rateLimitStore(env),
    redisUrl: env.HAOBAN_REDIS_URL || undefined,
    webDist: env.HAOBAN_WEB_DIST ?? "./dist/web",
    shutdownGraceMs: int(env.HAOBAN_SHUTDOWN_GRACE_MS, 10_000),
    trustProxy: bool(env.HAOBAN_TRUST_PROXY, false),
    searchRefreshMs: int(env.HAOBAN_SEARCH_REFRESH_MS, 2000),
    verifyCacheMs: int(env.HAOBAN_VERIFY_CACHE_MS, 5000),
    storage: fileStorage(env),
    uploadMaxBytes: int(env.HAOBAN_UPLOAD_MAX_BYTES, 10 * 1024 * 1024),
    smtpUrl: env.HAOBAN_SMTP_URL || undefined,
    mailFrom: env.HAOBAN_MAIL_FROM ?? "好办 <noreply@haoban.local>",
    smsSimulatorFile: env.HAOBAN_SMS_SIMULATOR_FILE ?? `${env.HAOBAN_DATA_DIR ?? "./data"}/sms-simulator.jsonl`,
    notifyIntervalMs: int(env.HAOBAN_NOTIFY_INTERVAL_MS, 2000),
    documentsIntervalMs: int(env.HAOBAN_DOCUMENTS_INTERVAL_MS, 500),
    clockStart: instant(env.HAOBAN_CLOCK_START),
    metricsToken: env.HAOBAN_METRICS_TOKEN || undefined,
    metricsPort: env.HAOBAN_METRICS_PORT ? int(env.HAOBAN_METRICS_PORT, 0) : undefined,
    metricsHost: env.HAOBAN_METRICS_HOST ?? "127.0.0.1",
    payment: {
      url: env.HAOBAN_PAYMENT_URL || undefined,
      merchantId: env.HAOBAN_PAYMENT_MERCHANT ?? "haoban-demo",
      key: env.HAOBAN_PAYMENT_KEY ?? "demo-payment-key-change-me",
      simulatorPort: int(env.HAOBAN_PAYMENT_SIMULATOR_PORT, 3101),
      notifyUrl: env.HAOBAN_PAYMENT_NOTIFY_URL ?? `http://127.0.0.1:${int(env.PORT, 3000)}/api/v1/payments/notify`,
      queryAfterMs: int(env.HAOBAN_PAYMENT_QUERY_AFTER_MS, 120_000),
    },
    post: {
      url: env.HAOBAN_POST_URL || undefined,
      merchantId: env.HAOBAN_POST_MERCHANT ?? "haoban-demo",
      key: env.HAOBAN_POST_KEY ?? "demo-post-key-change-me",
      simulatorPort: int(env.HAOBAN_POST_SIMULATOR_PORT, 3102),
      simulatorStepMs: int(env.HAOBAN_POST_SIMULATOR_STEP_MS, 30_000),
      notifyUrl: env.HAOBAN_POST_NOTIFY_URL ?? `http://127.0.0.1:${int(env.PORT, 3000)}/api/v1/deliveries/notify`,
    },
    publicUrl: (env.HAOBAN_PUBLIC_URL ?? `http://localhost:${int(env.PORT, 3000)}`).replace(/\/$/, ""),
    integrations: {
      demoClientSecret: env.HAOBAN_DEMO_CLIENT_SECRET ?? "hbs_demo-department-system-secret-change-me",
      tokenTtlSeconds: int(env.HAOBAN_CLIENT_TOKEN_TTL_SECONDS, 600),
      tokenRateLimitPerMinute: int(env.HAOBAN_TOKEN_RATE_LIMIT_PER_MINUTE, 60),
      webhookBackoffMs: int(env.HAOBAN_WEBHOOK_BACKOFF_MS, 10_000),
      webhookMaxBackoffMs: int(env.HAOBAN_WEBHOOK_MAX_BACKOFF_MS, 3_600_000),
      webhookRetryMs: int(env.HAOBAN_WEBHOOK_RETRY_HOURS, 24) * 3_600_000,
      webhookTimeoutMs: int(env.HAOBAN_WEBHOOK_TIMEOUT_MS, 10_000),
      webhookBatch: int(env.HAOBAN_WEBHOOK_BATCH, 500),
      webhookIntervalMs: int(env.HAOBAN_WEBHOOK_INTERVAL_MS, 200),
      demoSystemPort: int(env.HAOBAN_DEMO_SYSTEM_PORT, 3103),
    },
  };
}
