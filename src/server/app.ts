import { ChangeBus } from "./db/change-bus";
import { registerReadRouting } from "./http/read-routing";
import { randomUUID } from "node:crypto";
import { CLIENT_SCOPE_CODES, CLIENT_SCOPES } from "../shared/integrations";
import { sequencerFor } from "./modules/audit";
import { createRepositoryStore, type Repositories } from "./repositories";
import type { Store, UnitOfWork } from "./db/store";
import { existsSync } from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import { registerSecurityHeaders } from "./http/security-headers";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { LIMITS } from "../shared/schemas/common";
import type { Config } from "./config";
import type { FieldCipher } from "./crypto/field-cipher";
import type { Database } from "./db/database";
import { DomainError } from "./domain-error";
import { registerAuth } from "./http/auth-plugin";
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandler, sendError } from "./http/error-handler";
import { registerInputGuard } from "./http/input-guard";
import { postgresRateLimitStore } from "./http/rate-limit-store";
import { registerMetrics } from "./http/metrics";
import { calendarRoutes } from "./modules/calendar/calendar.routes";
import { CalendarService } from "./modules/calendar/calendar.service";
import { certificateRoutes } from "./modules/certificates/certificate.routes";
import { CertificateService } from "./modules/certificates/certificate.service";
import { SealService } from "./modules/seals/seal.service";
import { sealRoutes } from "./modules/seals/seal.routes";
import { ed25519Signer } from "./crypto/signer";
import { appointmentRoutes } from "./modules/appointments/appointment.routes";
import { AppointmentService } from "./modules/appointments/appointment.service";
import { notificationRoutes } from "./modules/notifications/notification.routes";
import { NotificationService } from "./modules/notifications/notification.service";
import { NodemailerEmail, SimulatedSms, type EmailSender, type SmsSender } from "./modules/notifications/senders";
import { fileRoutes } from "./modules/files/file.routes";
import { HttpPaymentProvider, type PaymentProvider } from "./modules/payments/payment-provider";
import { paymentRoutes } from "./modules/payments/payment.routes";
import { PaymentService } from "./modules/payments/payment.service";
import { HttpCarrier, type Carrier } from "./modules/delivery/carrier";
import { deliveryRoutes } from "./modules/delivery/delivery.routes";
import { ClientService } from "./modules/integrations/client.service";
import { ExternalHandling } from "./modules/integrations/external-handling";
import { integrationRoutes } from "./modules/integrations/integration.routes";
import { WebhookService } from "./modules/integrations/webhook.service";
import { DeliveryService } from "./modules/delivery/delivery.service";
import { PayoutService } from "./modules/payments/payout.service";
import { ReconciliationService } from "./modules/payments/reconciliation.service";
import { generatedDocumentRoutes } from "./modules/generated-documents/generated-document.routes";
import { GeneratedDocumentService } from "./modules/generated-documents/generated-document.service";
import { requireNoCoSigners } from "./modules/signing";
import { SimulatedBank } from "./modules/registry";
import { SigningService } from "./modules/signing/signing.service";
import { signingRoutes } from "./modules/signing/signing.routes";
import { FileService } from "./modules/files/file.service";
import { DatabaseStorage, LocalDiskStorage, S3Storage, type FileStorage } from "./modules/files/file-storage";
import { applicationRoutes } from "./modules/applications/application.routes";
import { materialAccess } from "./modules/applications/application-access";
import { issueCertificateOnApproval } from "./modules/certificates/issue-on-approval";
import { assessBenefitOnApproval } from "./modules/benefits";
import { establishOnApproval } from "./modules/registry/establish-on-approval";
import { VersionContents } from "./modules/catalogue/version-contents";
import { todayInChina } from "../shared/working-days";
import { ApplicationService } from "./modules/applications/application.service";
import { DraftService } from "./modules/applications/draft.service";
import { DataAccessService } from "./modules/sharing/data-access.service";
import { catalogueRoutes } from "./modules/catalogue/catalogue.routes";
import { CatalogueService } from "./modules/catalogue/catalogue.service";
import { CatalogueAuditService } from "./modules/catalogue/catalogue-audit.service";
import { CatalogueAdminService } from "./modules/catalogue/catalogue-admin.service";
import { catalogueAdminRoutes } from "./modules/catalogue/catalogue-admin.routes";
import { ItemWorkflowService } from "./modules/catalogue/item-workflow.service";
import { PolicyService } from "./modules/policy-library/policy.service";
import { SearchService } from "./modules/search/search.service";
import { searchRoutes } from "./modules/search/search.routes";
import { SearchVocabularyService } from "./modules/search/vocabulary.service";
import { policyRoutes } from "./modules/policy-library/policy.routes";
import { actingForRelations } from "./modules/enterprises/acting-for";
import { AgentService } from "./modules/enterprises/agent.service";
import { enterpriseRoutes } from "./modules/enterprises/enterprise.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { authRoutes } from "./modules/identity/auth.routes";
import { AuthService } from "./modules/identity/auth.service";
import { orgRoutes } from "./modules/orgs/org.routes";
import { OrgService } from "./modules/orgs/org.service";
import { registryRoutes } from "./modules/registry/registry.routes";
import { addressRoutes } from "./modules/registry/address.routes";
import { AddressService } from "./modules/registry/address.service";
import { DataElementService } from "./modules/data-elements/data-element.service";
import { dataElementRoutes } from "./modules/data-elements/data-element.routes";
import { SharingService } from "./modules/sharing/sharing.service";
import { PrefillService } from "./modules/sharing/prefill.service";
import { SharingRuleService } from "./modules/sharing/sharing-rule.service";
import { sharingRoutes } from "./modules/sharing/sharing.routes";
import { bundleRoutes } from "./modules/bundles/bundle.routes";
import { BundleService } from "./modules/bundles/bundle.service";
import { BundleCatalogue } from "./modules/bundles/bundle-catalogue";
import { BundleAdminService } from "./modules/bundles/bundle-admin.service";
import { RegistryImportService } from "./modules/registry/registry-import.service";
import { registryImportRoutes } from "./modules/registry/registry-import.routes";
import { CertificateShareService } from "./modules/certificates/certificate-share.service";
import { RegistryService } from "./modules/registry/registry.service";
import { staffRoutes } from "./modules/identity/staff.routes";
import { SupervisionSettingsService } from "./modules/supervision/settings.service";
import { PerformanceService } from "./modules/supervision/performance.service";
import { performanceRoutes } from "./modules/supervision/performance.routes";
import { ScorecardService } from "./modules/supervision/scorecard.service";
import { SupervisionOrderService } from "./modules/supervision/order.service";
import { scorecardRoutes } from "./modules/supervision/scorecard.routes";
import { workbenchRoutes } from "./workbench.routes";
import { RatingService } from "./modules/ratings/rating.service";
import { RatingCaseService } from "./modules/ratings/rating-case.service";
import { RatingFiguresService } from "./modules/ratings/rating-figures.service";
import { ratingRoutes } from "./modules/ratings/rating.routes";
import { TicketService } from "./modules/appeals/ticket.service";
import { DispatchService } from "./modules/appeals/dispatch.service";
import { HotTopicsService } from "./modules/appeals/hot-topics.service";
import { appealRoutes } from "./modules/appeals/appeal.routes";
import { ProfileService } from "./modules/profiles/profile.service";
import { profileRoutes } from "./modules/profiles/profile.routes";
import { RecommendationService } from "./modules/profiles/recommendation.service";
import { AutoApprovalService } from "./modules/auto-approval/auto-approval.service";
import { autoApprovalRoutes } from "./modules/auto-approval/auto-approval.routes";
import { BenefitService } from "./modules/proactive/benefit.service";
import { PolicyMatchService } from "./modules/proactive/policy-match.service";
import { proactiveRoutes } from "./modules/proactive/proactive.routes";
import { ProactiveService } from "./modules/proactive/push.service";
import { StaffService } from "./modules/identity/staff.service";

export interface Services {
  store: Store<Repositories & UnitOfWork>;
  auth: AuthService;
  staff: StaffService;
  agents: AgentService;
  orgs: OrgService;
  registry: RegistryService;
  addresses: AddressService;
  dataAccess: DataAccessService;
  catalogue: CatalogueService;
  search: SearchService;
  policies: PolicyService;
  catalogueAudit: CatalogueAuditService;
  catalogueAdmin: CatalogueAdminService;
  vocabulary: SearchVocabularyService;
  applications: ApplicationService;
  bundles: BundleService;
  bundleCatalogue: BundleCatalogue;
  bundleAdmin: BundleAdminService;
  files: FileService;
  signing: SigningService;
  generatedDocuments: GeneratedDocumentService;
  drafts: DraftService;
  notifications: NotificationService;
  appointments: AppointmentService;
  calendar: CalendarService;
  itemWorkflows: ItemWorkflowService;
  seals: SealService;
  certificates: CertificateService;
  dataElements: DataElementService;
  sharing: SharingService;
  prefills: PrefillService;
  sharingRules: SharingRuleService;
  registryImports: RegistryImportService;
  certificateShares: CertificateShareService;
  supervisionSettings: SupervisionSettingsService;
  performance: PerformanceService;
  scorecards: ScorecardService;
  supervisionOrders: SupervisionOrderService;
  ratings: RatingService;
  ratingCases: RatingCaseService;
  ratingFigures: RatingFiguresService;
  tickets: TicketService;
  dispatch: DispatchService;
  hotTopics: HotTopicsService;
  profiles: ProfileService;
  autoApproval: AutoApprovalService;
  proactive: ProactiveService;
  policyMatch: PolicyMatchService;
  benefits: BenefitService;
  recommendations: RecommendationService;
  payments: PaymentService;
  payouts: PayoutService;
  deliveries: DeliveryService;
  clients: ClientService;
  webhooks: WebhookService;
  external: ExternalHandling;
  reconciliation: ReconciliationService;
}

/** The notification channels: the SMS simulator (no real gateway here) and e-mail when SMTP is configured. */
export interface Senders {
  sms: SmsSender;
  email: EmailSender | null;
}
export function createSenders(config: Config, now: () => Date = () => new Date()): Senders {
  return { sms: new SimulatedSms(config.smsSimulatorFile, 5, now), email: config.smtpUrl ? new NodemailerEmail(config.smtpUrl, config.mailFrom) : null };
}

/** The payment platform: the configured one, or the local simulator `npm start` runs (simulators/payment). */
export function createPaymentProvider(config: Config): PaymentProvider {
  const p = config.payment;
  return new HttpPaymentProvider({ url: p.url ?? `http://127.0.0.1:${p.simulatorPort}`, merchantId: p.merchantId, key: p.key, notifyUrl: p.notifyUrl });
}

/** The postal carrier: the configured one, or the local simulator `npm start` runs (simulators/post). */
export function createCarrier(config: Config): Carrier {
  const p = config.post;
  return new HttpCarrier({ url: p.url ?? `http://127.0.0.1:${p.simulatorPort}`, merchantId: p.merchantId, key: p.key, notifyUrl: p.notifyUrl });
}

/** The file storage the configuration names. */
export function createFileStorage(config: Config, database: Database): FileStorage {
  if (config.storage.kind === "s3") return new S3Storage(config.storage);
  if (config.storage.kind === "database") return new DatabaseStorage(database.db);
  return new LocalDiskStorage(config.storage.dir);
}

/** Where the rate limits count: shared (PostgreSQL or Redis) whenever several processes may serve. */
async function rateLimitBackend(app: FastifyInstance, config: Config, database: Database) {
  if (config.rateLimitStore === "postgres") return { store: postgresRateLimitStore(database.db) };
  if (config.rateLimitStore === "redis") {
    if (!config.redisUrl) throw new Error("HAOBAN_RATE_LIMIT_STORE=redis needs HAOBAN_REDIS_URL");
    const { Redis } = await import("ioredis");
    const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
    app.addHook("onClose", async () => void (await redis.quit()));
    return { redis, nameSpace: "haoban-rl-", skipOnError: false };
  }
  return {};
}

/** How often each process chains audit records left unchained (normally there are none: requests chain their own after commit). */
const AUDIT_SWEEP_MS = 5_000;

/** The composition root: every service gets its dependencies here and nowhere else. */
export function createServices(database: Database, cipher: FieldCipher, config: Config, now: () => Date = () => new Date(), senders: Senders = createSenders(config, now), changes: ChangeBus = ChangeBus.local()): Services {
  // The embedded engine has one connection: audit records are chained inside their own transaction there.
  sequencerFor(database.db).inline = database.kind === "pglite";
  const store = createRepositoryStore(database.db, database.reader);
  const auth = new AuthService(store, cipher, config, now, (unit, personId, today) => actingForRelations(store.within(unit), personId, today), changes);
  const calendar = new CalendarService(store, changes, (err) => console.error("calendar refresh failed", err));
  const calendarOf = () => calendar.current();
  const seals = new SealService(store, cipher, ed25519Signer, now);
  const certificates = new CertificateService(store, seals, now, config.verifyCacheMs, changes);
  const dataElements = new DataElementService(store);
  const sharing = new SharingService(store, cipher, now);
  const prefills = new PrefillService(store, sharing, dataElements, cipher, now);
  const files = new FileService(store, createFileStorage(config, database), config.uploadMaxBytes, now, (actor, applicationId) => materialAccess(store.repos, actor, applicationId));
  const versionContents = new VersionContents(store);
  const generatedDocuments = new GeneratedDocumentService(store, cipher, seals, (versionId) => versionContents.get(versionId), (actor, applicationId) => materialAccess(store.repos, actor, applicationId), now);
  const applications = new ApplicationService(store, cipher, files, now, calendarOf, { sharing, prefills }, { documents: generatedDocuments, coSigners: (unit, content, values, personId) => requireNoCoSigners(store.within(unit), cipher, content, values, personId) });
  // First decision listener: an approval issues the item's certificate (and establishes a new enterprise) before 一件事 moves on.
  applications.onDecided(
    issueCertificateOnApproval({
      store,
      certificates,
      contents: new VersionContents(store),
      cipher,
      record: (unit, app, entry) => applications.recordEvent(unit, app, entry),
      establish: (unit, app, formData, data) => establishOnApproval(store.within(unit), cipher, todayInChina(now()), app, formData, data),
    }),
  );
  const profiles = new ProfileService(store, cipher, now);
  // Then 待遇核定: an approved benefit gets its amount and first pay date (before the notice is composed).
  // 统一支付: fee orders on entering the fee's stage, the gate while one is owed, refunds on refusal; 待遇发放 of what is granted.
  const paymentProvider = createPaymentProvider(config);
  const payments = new PaymentService(store, paymentProvider, applications, versionContents, profiles, certificates, { publicUrl: config.publicUrl, queryAfterMs: config.payment.queryAfterMs }, now, calendarOf);
  const payouts = new PayoutService(store, paymentProvider, cipher, now, calendarOf, () => payments.kick());
  payments.usePayouts(payouts);
  // 统一物流: the result's way to the applicant, booked with the carrier on approval (its postage through the payments above).
  const deliveries = new DeliveryService(store, createCarrier(config), cipher, versionContents, applications, { charge: (unit, actor, app, feeFen, ctx) => payments.chargePostage(unit, actor, app, feeFen, ctx), owed: (unit, id) => payments.postageOwed(unit, id) }, now);
  payments.onPostagePaid(() => deliveries.kick());
  // Department systems: machine clients act through accounts of kind client; items they handle are theirs alone to act on.
  const clients = new ClientService(store, { create: (unit, input) => auth.createClientAccount(unit, input), session: (accountId, client) => auth.clientSession(accountId, client) as never }, { tokenTtlSeconds: config.integrations.tokenTtlSeconds }, now);
  const webhooks = new WebhookService(store, cipher, { backoffBaseMs: config.integrations.webhookBackoffMs, maxBackoffMs: config.integrations.webhookMaxBackoffMs, retryForMs: config.integrations.webhookRetryMs, timeoutMs: config.integrations.webhookTimeoutMs, batch: config.integrations.webhookBatch }, now);
  const external = new ExternalHandling(store, now);
  applications.onEntered((unit, _actor, app, state) => external.onEntered(unit, app, state));
  applications.addActionCheck((unit, c) => external.check(unit, c));
  applications.onDecided(
    assessBenefitOnApproval({
      store,
      contents: new VersionContents(store),
      profiles,
      cipher,
      calendar: calendarOf,
      now,
      record: (unit, app, entry) => applications.recordEvent(unit, app, entry),
      assessed: (unit, app, benefit, payDay, subject) => payouts.plan(unit, app, benefit, payDay, subject),
    }),
  );
  calendar.onChange(() => applications.recomputeBeyondCalendar());
  const bundleCatalogue = new BundleCatalogue(store);
  const bundles = new BundleService(store, bundleCatalogue, applications, cipher, now, calendarOf, prefills, generatedDocuments, new SimulatedBank());
  const signing = new SigningService(
    store,
    cipher,
    {
      contentOf: (versionId) => versionContents.get(versionId),
      render: (unit, content, values, name, at) => generatedDocuments.render(unit, content, values, name, at),
      startingItems: (code, body) => bundles.startingItems(code, body),
      submitItem: (actor, p, coSigned, key, ctx) => applications.submit(actor, { ...p.application, coSigned: coSigned.requestId, documentsAt: coSigned.documentsAt }, key, ctx),
      submitBundle: (actor, p, coSigned, key, ctx) => bundles.submit(actor, { ...p.application, bundleCode: p.bundleCode }, key, ctx, coSigned),
    },
    now,
  );
  const supervisionSettings = new SupervisionSettingsService(store);
  const scorecards = new ScorecardService(store, now);
  const ratingCases = new RatingCaseService(store, now, calendarOf, supervisionSettings);
  const ratings = new RatingService(store, ratingCases, now);
  const search = new SearchService(store, config.searchRefreshMs, undefined, changes);
  const dispatch = new DispatchService(store);
  const proactive = new ProactiveService(store, now);
  const policies = new PolicyService(store);
  return {
    payments,
    deliveries,
    clients,
    webhooks,
    external,
    proactive,
    policyMatch: new PolicyMatchService(store, proactive, now, policies),
    benefits: new BenefitService(store, applications, prefills, proactive, now, calendarOf, certificates, (unit, actor, applicationId, reason, ctx) => payouts.stop(unit, actor, applicationId, reason, ctx)),
    payouts,
    reconciliation: new ReconciliationService(store, paymentProvider, now),
    profiles,
    recommendations: new RecommendationService(store, profiles),
    autoApproval: new AutoApprovalService(store, applications, profiles, now),
    dispatch,
    tickets: new TicketService(store, cipher, now, calendarOf, supervisionSettings, dispatch, ratings, search),
    hotTopics: new HotTopicsService(store, now),
    supervisionSettings,
    performance: new PerformanceService(store, now, calendarOf),
    scorecards,
    supervisionOrders: new SupervisionOrderService(store, now, calendarOf, scorecards),
    ratingCases,
    ratings,
    ratingFigures: new RatingFiguresService(store, now),
    store,
    calendar,
    seals,
    certificates,
    dataElements,
    sharing,
    prefills,
    sharingRules: new SharingRuleService(store, dataElements),
    registryImports: new RegistryImportService(store, cipher, now),
    certificateShares: new CertificateShareService(store, certificates, now),
    itemWorkflows: new ItemWorkflowService(store),
    auth,
    staff: new StaffService(store, cipher, (accountId) => auth.sessionCache.forgetAccount(accountId)),
    agents: new AgentService(store, cipher, now, () => auth.sessionCache.forgetAll()),
    orgs: new OrgService(store),
    registry: new RegistryService(store, cipher),
    addresses: new AddressService(store),
    dataAccess: new DataAccessService(store, dataElements),
    catalogue: new CatalogueService(store),
    search,
    policies,
    catalogueAudit: new CatalogueAuditService(store),
    catalogueAdmin: new CatalogueAdminService(store),
    vocabulary: new SearchVocabularyService(store),
    applications,
    bundles,
    bundleCatalogue,
    bundleAdmin: new BundleAdminService(store, bundleCatalogue),
    drafts: new DraftService(store, cipher),
    appointments: new AppointmentService(store, now, calendarOf),
    notifications: new NotificationService(store, cipher, senders.sms, senders.email, now),
    files,
    generatedDocuments,
    signing,
  };
}

export interface AppOptions {
  config: Config;
  database: Database;
  cipher: FieldCipher;
  now?: () => Date;
  senders?: Senders;
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
}

/**
 * What a request log line says of the request: the route's pattern, never the query string or path
 * values (citizens type names and ID numbers into search boxes; ids in paths are personal too).
 */
export function logRequest(req: FastifyRequest) {
  return { id: req.id, method: req.method, route: req.routeOptions?.url ?? "unmatched", remoteAddress: req.ip };
}

/**
 * Built assets carry a hash of their content in their name (`/assets/…-<hash>.js`): a browser keeps them
 * for a year and never asks again. Everything else (the page itself) is checked on every visit, so a
 * new release is seen at once and loads only the assets that changed.
 */
export function cacheControlOf(webRoot: string, filePath: string): string {
  return path.relative(webRoot, filePath).split(path.sep)[0] === "assets" ? "public, max-age=31536000, immutable" : "no-cache";
}

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; services: Services; markShuttingDown: () => void; metrics: import("prom-client").Registry }> {
  const { config, database, cipher } = options;
  // What one process changes, the others forget at once (LISTEN/NOTIFY on the database).
  const changes = await ChangeBus.connect(database, (err) => console.error("change notifications:", err instanceof Error ? err.message : err));
  const services = createServices(database, cipher, config, options.now, options.senders, changes);
  await services.calendar.refresh();
  let shuttingDown = false;
  // Audit records a crash (or the seed) left unchained are chained now, and every few seconds after.
  const sequencer = sequencerFor(database.db);
  await sequencer.sweep();
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweepTimer = setInterval(() => {
    sweeping = sequencer.sweep().catch((err: unknown) => console.error("audit sweep failed", err));
  }, AUDIT_SWEEP_MS);
  sweepTimer.unref();

  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: config.logLevel, ...(typeof options.logger === "object" ? options.logger : {}), serializers: { req: logRequest as never } },
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: LIMITS.bodyBytes,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: LIMITS.pathParamMax },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (req, reply) => {
    void reply.header("x-request-id", req.id);
    // What a signed-in caller receives is theirs alone: no browser, proxy or shared cache may keep it.
    if (req.session && req.url.startsWith("/api/")) void reply.header("cache-control", "no-store").header("vary", "Cookie");
    // While shutting down, in-flight requests finish but their keep-alive connections must not linger.
    if (shuttingDown) void reply.header("connection", "close");
  });

  registerErrorHandler(app);
  const metrics = registerMetrics(app);
  await app.register(cookie);
  // With replicas, what a user just changed is read from the primary (the lag bound plus a check, at least).
  if (database.replicas) registerReadRouting(app, config.replicaMaxLagMs + config.replicaCheckMs + 1_000, config.cookieSecure);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(rateLimit, {
    ...(await rateLimitBackend(app, config, database)),
    global: true,
    // A department system is counted by itself, against its own limit (the auth hook has resolved its token by now).
    max: (req) => req.session?.actor.client?.rateLimitPerMinute ?? config.rateLimitPerMinute,
    keyGenerator: (req) => (req.session?.actor.client ? `client:${req.session.actor.client.id}` : req.ip),
    timeWindow: "1 minute",
    allowList: (req) => !req.url.startsWith("/api/"),
    errorResponseBuilder: (_req, ctx) => new DomainError("RATE_LIMITED", { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) }),
  });
  registerAuth(app, services.auth, (token) => services.clients.resolveToken(token));
  registerInputGuard(app);

  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Haoban (好办) API",
        version: "0.1.0",
        description:
          "一网好办 platform API. Authenticate with `POST /api/v1/auth/login`; the session is an httpOnly cookie. " +
          "Mutating calls made with the cookie must send the `x-csrf-token` header (from the login response or `GET /api/v1/me`). " +
          "Department systems (machine clients) instead get a short-lived token with OAuth 2.0 client credentials (`POST /api/v1/oauth/token`) and send `Authorization: Bearer <token>`, with no cookie and no CSRF token; an endpoint admits a client whose token carries the scope it names (its `clientCredentials` security). " +
          "Events reach subscribers as signed CloudEvents webhooks (see the integrations tag and the README). " +
          "Errors are `{\"error\":{\"code\",\"message\",\"details\"}}`; the message follows Accept-Language (zh default, en).",
      },
      tags: [
        { name: "identity", description: "账号、登录、当前用户 Accounts, login, the current user" },
        { name: "enterprises", description: "企业与经办人 Enterprises and their agents" },
        { name: "staff", description: "工作人员管理 Staff administration" },
        { name: "orgs", description: "机构树 Organisation tree" },
        { name: "registry", description: "基础库 Base registries" },
        { name: "catalogue", description: "事项目录与办事指南 Service catalogue and guides" },
        { name: "search", description: "统一搜索 Unified search" },
        { name: "policies", description: "政策库 Policy library" },
        { name: "catalogue-admin", description: "事项编辑与发布 Catalogue editing and publication" },
        { name: "applications", description: "办件 Applications: submission, drafts, materials, workflow, documents" },
        { name: "certificates", description: "电子证照 E-certificates: verification, wallet, status" },
        { name: "calendar", description: "工作日历 Working-day calendar" },
        { name: "appointments", description: "预约 Appointments at service centres" },
        { name: "notifications", description: "消息中心 Messages and notification settings" },
        { name: "ratings", description: "好差评 Ratings, 差评 cases, tracing and public figures" },
        { name: "appeals", description: "12345 诉求 Requests, dispatch, handling and hot topics" },
        { name: "integrations", description: "部门业务系统接入 Department systems: OAuth 2.0 client credentials, scopes, CloudEvents webhooks signed with HMAC (Standard Webhooks headers), retries, dead letters, replay; see README" },
        { name: "delivery", description: "统一物流 How results reach applicants (window, post), the carrier's signed notifications, 上门取件, the window's hand-over" },
        { name: "payments", description: "统一支付 Fee orders, the cashier, the payment platform's signed notifications, refunds" },
        { name: "supervision", description: "效能监督 Performance of departments and items, from a daily rollup; the cases behind each figure" },
        { name: "rules", description: "规则与画像 Rules over profiles and answers; profiles derived from the registries" },
        { name: "signing", description: "多方在线签署 Everyone a form names signs its generated documents in their own account before it is submitted" },
        { name: "proactive", description: "主动服务 政策找人 and 免申即享: policies matched over the registries, benefits granted without applying" },
      ],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "haoban_session" },
          clientCredentials: {
            type: "oauth2",
            description: "部门业务系统 Department systems: OAuth 2.0 client credentials (POST /api/v1/oauth/token), then `Authorization: Bearer <token>`; an endpoint admits a client whose token carries the scope it names.",
            flows: { clientCredentials: { tokenUrl: "/api/v1/oauth/token", scopes: Object.fromEntries(CLIENT_SCOPE_CODES.map((s) => [s, `${CLIENT_SCOPES[s].zh} ${CLIENT_SCOPES[s].en}`])) } },
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { db: database.db, metrics, metricsToken: config.metricsToken, isShuttingDown: () => shuttingDown });
  await app.register(
    async (api) => {
      await api.register(authRoutes, {
        auth: services.auth,
        store: services.store,
        cipher,
        cookieSecure: config.cookieSecure,
        loginRateLimitPerMinute: config.loginRateLimitPerMinute,
      });
      await api.register(enterpriseRoutes, { agents: services.agents });
      await api.register(staffRoutes, { staff: services.staff });
      await api.register(orgRoutes, { orgs: services.orgs });
      await api.register(registryRoutes, { registry: services.registry });
      await api.register(addressRoutes, { addresses: services.addresses });
      await api.register(performanceRoutes, { performance: services.performance, publicRateLimitPerMinute: config.publicRateLimitPerMinute });
      await api.register(scorecardRoutes, { scorecards: services.scorecards, orders: services.supervisionOrders });
      await api.register(workbenchRoutes, { applications: services.applications, ratingCases: services.ratingCases, tickets: services.tickets, orders: services.supervisionOrders });
      await api.register(catalogueRoutes, { catalogue: services.catalogue, audit: services.catalogueAudit });
      await api.register(searchRoutes, { search: services.search, vocabulary: services.vocabulary });
      await api.register(policyRoutes, { policies: services.policies });
      await api.register(catalogueAdminRoutes, { admin: services.catalogueAdmin, workflows: services.itemWorkflows });
      await api.register(applicationRoutes, { applications: services.applications, drafts: services.drafts });
      await api.register(certificateRoutes, { certificates: services.certificates, shares: services.certificateShares });
      await api.register(dataElementRoutes, { dataElements: services.dataElements });
      await api.register(sharingRoutes, { prefills: services.prefills, rules: services.sharingRules, dataAccess: services.dataAccess });
      await api.register(bundleRoutes, { bundles: services.bundles, catalogue: services.bundleCatalogue, admin: services.bundleAdmin });
      await api.register(registryImportRoutes, { imports: services.registryImports });
      await api.register(sealRoutes, { seals: services.seals });
      await api.register(calendarRoutes, { calendar: services.calendar });
      await api.register(appointmentRoutes, { appointments: services.appointments });
      await api.register(notificationRoutes, { notifications: services.notifications });
      await api.register(ratingRoutes, { ratings: services.ratings, cases: services.ratingCases, figures: services.ratingFigures, settings: services.supervisionSettings, publicRateLimitPerMinute: config.publicRateLimitPerMinute });
      await api.register(appealRoutes, { tickets: services.tickets, dispatch: services.dispatch, hotTopics: services.hotTopics, applicationsOfCaller: (accountId, personId) => services.applications.ofCaller(accountId, personId), publicRateLimitPerMinute: config.publicRateLimitPerMinute });
      await api.register(profileRoutes, { profiles: services.profiles, recommendations: services.recommendations });
      await api.register(autoApprovalRoutes, { autoApproval: services.autoApproval });
      await api.register(proactiveRoutes, { benefits: services.benefits, policyMatch: services.policyMatch });
      await api.register(fileRoutes, { files: services.files, maxBytes: config.uploadMaxBytes });
      await api.register(generatedDocumentRoutes, { documents: services.generatedDocuments });
      await api.register(signingRoutes, { signing: services.signing });
      await api.register(deliveryRoutes, { deliveries: services.deliveries });
      await api.register(integrationRoutes, { clients: services.clients, webhooks: services.webhooks, external: services.external, tokenRateLimitPerMinute: config.integrations.tokenRateLimitPerMinute });
      await api.register(paymentRoutes, { payments: services.payments, payouts: services.payouts, reconciliation: services.reconciliation });
    },
    { prefix: "/api/v1" },
  );

  const webRoot = path.resolve(config.webDist);
  const hasWeb = existsSync(path.join(webRoot, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside every asset; the smallest one the browser accepts is sent.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => res.setHeader("cache-control", cacheControlOf(webRoot, filePath)),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === "GET" && !req.url.startsWith("/api/")) return reply.sendFile("index.html");
    return sendError(req, reply, "NOT_FOUND");
  });

  app.addHook("onClose", async () => {
    await services.payments.idle();
    await services.deliveries.idle();
    clearInterval(sweepTimer);
    await sweeping;
    await changes.close();
  });

  return { app, services, metrics, markShuttingDown: () => (shuttingDown = true) };
}
