import type { Kysely } from "kysely";
import type { DB } from "./db/schema";
import { type AfterCommit, type BeforeCommit, createStore, type Store, type UnitOfWork } from "./db/store";
import { AccountRepository } from "./modules/identity/account.repository";
import { AgentRepository } from "./modules/enterprises/agent.repository";
import { ApplicationRepository } from "./modules/applications/application.repository";
import { AppointmentRepository } from "./modules/appointments/appointment.repository";
import { AuditRepository } from "./modules/audit/audit.repository";
import { type AuditSequencer, sequencerFor } from "./modules/audit/audit-sequencer";
import { AutoApprovalRepository } from "./modules/auto-approval/auto-approval.repository";
import { BundleRepository } from "./modules/bundles/bundle.repository";
import { CalendarRepository } from "./modules/calendar/calendar.repository";
import { CatalogueRepository } from "./modules/catalogue/catalogue.repository";
import { CertificateRepository } from "./modules/certificates/certificate.repository";
import { DataElementRepository } from "./modules/data-elements/data-element.repository";
import { DraftRepository } from "./modules/applications/draft.repository";
import { EnterpriseRepository } from "./modules/registry/enterprise.repository";
import { FileRepository } from "./modules/files/file.repository";
import { HoldingRepository } from "./modules/applications/holding.repository";
import { IdempotencyRepository } from "./modules/idempotency/idempotency.repository";
import { LoginThrottleRepository } from "./modules/identity/login-throttle.repository";
import { NotificationRepository } from "./modules/notifications/notification.repository";
import { OrgRepository } from "./modules/orgs/org.repository";
import { ContentGenerationRepository } from "./modules/content-generation/content-generation.repository";
import { VocabularyRepository } from "./modules/search/vocabulary.repository";
import { StaffDirectoryRepository } from "./modules/identity/staff-directory.repository";
import { CounterRepository } from "./modules/numbering/counter.repository";
import { OutboxRepository } from "./modules/outbox/outbox.repository";
import { PersonRepository } from "./modules/registry/person.repository";
import { AddressRepository } from "./modules/registry/address.repository";
import { PerformanceRepository } from "./modules/supervision/performance.repository";
import { PolicyRepository } from "./modules/policy-library/policy.repository";
import { ProactiveRepository } from "./modules/proactive/proactive.repository";
import { ProfileRepository } from "./modules/profiles/profile.repository";
import { RatingRepository } from "./modules/ratings/rating.repository";
import { RegistryAdminRepository } from "./modules/registry/registry-admin.repository";
import { SealRepository } from "./modules/seals/seal.repository";
import { GeneratedDocumentRepository } from "./modules/generated-documents/generated-document.repository";
import { SigningRepository } from "./modules/signing/signing.repository";
import { BankAccountRepository } from "./modules/registry/bank-accounts";
import { SessionRepository } from "./modules/identity/session.repository";
import { StaffPostRepository } from "./modules/identity/staff-post.repository";
import { SettingsRepository } from "./modules/supervision/settings.repository";
import { ScorecardRepository } from "./modules/supervision/scorecard.repository";
import { SharingRepository } from "./modules/sharing/sharing.repository";
import { SubjectRepository } from "./modules/proactive/subject.repository";
import { TicketRepository } from "./modules/appeals/ticket.repository";
import { PaymentRepository } from "./modules/payments/payment.repository";
import { ReconciliationRepository } from "./modules/payments/reconciliation.repository";
import { PayoutRepository } from "./modules/payments/payout.repository";
import { DeliveryRepository } from "./modules/delivery/delivery.repository";
import { ClientRepository } from "./modules/integrations/client.repository";
import { WebhookRepository } from "./modules/integrations/webhook.repository";

/**
 * Every module's repositories, bound to one database handle (the pool, or a transaction): the unit of
 * work that the services of one request share. Built only here, at the composition root; each service
 * declares the repositories it uses (its `Store<…>` type) and sees no others.
 */
export class Repositories {
  readonly orgs: OrgRepository;
  readonly persons: PersonRepository;
  readonly addresses: AddressRepository;
  readonly performance: PerformanceRepository;
  readonly scorecards: ScorecardRepository;
  readonly enterprises: EnterpriseRepository;
  readonly accounts: AccountRepository;
  readonly sessions: SessionRepository;
  readonly staffPosts: StaffPostRepository;
  readonly loginThrottle: LoginThrottleRepository;
  readonly idempotency: IdempotencyRepository;
  readonly holdings: HoldingRepository;
  readonly agents: AgentRepository;
  readonly audit: AuditRepository;
  readonly catalogue: CatalogueRepository;
  readonly policies: PolicyRepository;
  readonly applications: ApplicationRepository;
  readonly files: FileRepository;
  readonly drafts: DraftRepository;
  readonly notifications: NotificationRepository;
  readonly appointments: AppointmentRepository;
  readonly calendar: CalendarRepository;
  readonly seals: SealRepository;
  readonly generatedDocuments: GeneratedDocumentRepository;
  readonly signing: SigningRepository;
  readonly bankAccounts: BankAccountRepository;
  readonly certificates: CertificateRepository;
  readonly dataElements: DataElementRepository;
  readonly sharing: SharingRepository;
  readonly bundles: BundleRepository;
  readonly registryAdmin: RegistryAdminRepository;
  readonly settings: SettingsRepository;
  readonly ratings: RatingRepository;
  readonly tickets: TicketRepository;
  readonly payments: PaymentRepository;
  readonly reconciliation: ReconciliationRepository;
  readonly payouts: PayoutRepository;
  readonly deliveries: DeliveryRepository;
  readonly clients: ClientRepository;
  readonly webhooks: WebhookRepository;
  readonly profiles: ProfileRepository;
  readonly autoApproval: AutoApprovalRepository;
  readonly proactive: ProactiveRepository;
  readonly subjects: SubjectRepository;
  readonly outbox: OutboxRepository;
  readonly counters: CounterRepository;
  readonly staffDirectory: StaffDirectoryRepository;
  readonly contentGeneration: ContentGenerationRepository;
  readonly vocabulary: VocabularyRepository;

  constructor(db: Kysely<DB>, afterCommit: AfterCommit = async () => {}, sequencer: AuditSequencer | null = null, beforeCommit: BeforeCommit = async () => {}) {
    this.orgs = new OrgRepository(db);
    this.persons = new PersonRepository(db);
    this.addresses = new AddressRepository(db);
    this.performance = new PerformanceRepository(db);
    this.scorecards = new ScorecardRepository(db);
    this.enterprises = new EnterpriseRepository(db);
    this.accounts = new AccountRepository(db);
    this.sessions = new SessionRepository(db);
    this.staffPosts = new StaffPostRepository(db);
    this.loginThrottle = new LoginThrottleRepository(db);
    this.idempotency = new IdempotencyRepository(db);
    this.holdings = new HoldingRepository(db);
    this.agents = new AgentRepository(db);
    // Audit records are chained by the sequencer once their transaction commits (see AuditSequencer).
    this.audit = new AuditRepository(db, sequencer ? sequencer.afterAppendOn(db, afterCommit, beforeCommit) : null);
    this.catalogue = new CatalogueRepository(db);
    this.policies = new PolicyRepository(db);
    this.applications = new ApplicationRepository(db);
    this.files = new FileRepository(db);
    this.drafts = new DraftRepository(db);
    this.notifications = new NotificationRepository(db);
    this.appointments = new AppointmentRepository(db);
    this.calendar = new CalendarRepository(db);
    this.seals = new SealRepository(db);
    this.generatedDocuments = new GeneratedDocumentRepository(db);
    this.signing = new SigningRepository(db);
    this.bankAccounts = new BankAccountRepository(db);
    this.certificates = new CertificateRepository(db);
    this.dataElements = new DataElementRepository(db);
    this.sharing = new SharingRepository(db);
    this.bundles = new BundleRepository(db);
    this.registryAdmin = new RegistryAdminRepository(db);
    this.settings = new SettingsRepository(db);
    this.ratings = new RatingRepository(db);
    this.tickets = new TicketRepository(db);
    this.payments = new PaymentRepository(db, afterCommit);
    this.reconciliation = new ReconciliationRepository(db);
    this.payouts = new PayoutRepository(db);
    this.deliveries = new DeliveryRepository(db, afterCommit);
    this.clients = new ClientRepository(db);
    this.webhooks = new WebhookRepository(db);
    this.profiles = new ProfileRepository(db);
    this.autoApproval = new AutoApprovalRepository(db);
    this.proactive = new ProactiveRepository(db);
    this.subjects = new SubjectRepository(db);
    this.outbox = new OutboxRepository(db);
    this.counters = new CounterRepository(db);
    this.staffDirectory = new StaffDirectoryRepository(db);
    this.contentGeneration = new ContentGenerationRepository(db);
    this.vocabulary = new VocabularyRepository(db);
  }
}

/** The one store of the process: every service receives it, typed down to the repositories it declares. */
export function createRepositoryStore(db: Kysely<DB>, reader: Kysely<DB> = db): Store<Repositories & UnitOfWork> {
  const sequencer = sequencerFor(db);
  return createStore(db, (handle, afterCommit, beforeCommit) => new Repositories(handle, afterCommit, sequencer, beforeCommit) as Repositories & UnitOfWork, reader);
}
