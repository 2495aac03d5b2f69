import type { Kysely } from "kysely";
import { ApplicationRepository } from "../modules/applications/application.repository";
import { DraftRepository } from "../modules/applications/draft.repository";
import { NotificationRepository } from "../modules/notifications/notification.repository";
import { AppointmentRepository } from "../modules/appointments/appointment.repository";
import { CalendarRepository } from "../modules/calendar/calendar.repository";
import { SealRepository } from "../modules/seals/seal.repository";
import { CertificateRepository } from "../modules/certificates/certificate.repository";
import { FileRepository } from "../modules/files/file.repository";
import { AuditRepository } from "../modules/audit/audit.repository";
import { CatalogueRepository } from "../modules/catalogue/catalogue.repository";
import { PolicyRepository } from "../modules/policy-library/policy.repository";
import { AgentRepository } from "../modules/enterprises/agent.repository";
import { AccountRepository } from "../modules/identity/account.repository";
import { HoldingRepository } from "../modules/applications/holding.repository";
import { IdempotencyRepository } from "../modules/idempotency/idempotency.repository";
import { LoginThrottleRepository } from "../modules/identity/login-throttle.repository";
import { SessionRepository } from "../modules/identity/session.repository";
import { OrgRepository } from "../modules/orgs/org.repository";
import { EnterpriseRepository } from "../modules/registry/enterprise.repository";
import { PersonRepository } from "../modules/registry/person.repository";
import { DataElementRepository } from "../modules/data-elements/data-element.repository";
import { SharingRepository } from "../modules/sharing/sharing.repository";
import { BundleRepository } from "../modules/bundles/bundle.repository";
import { RegistryAdminRepository } from "../modules/registry/registry-admin.repository";
import { SettingsRepository } from "../modules/supervision/settings.repository";
import { RatingRepository } from "../modules/ratings/rating.repository";
import { TicketRepository } from "../modules/appeals/ticket.repository";
import { ProfileRepository } from "../modules/profiles/profile.repository";
import { ProactiveRepository } from "../modules/proactive/proactive.repository";
import { SubjectRepository } from "../modules/proactive/subject.repository";
import { AutoApprovalRepository } from "../modules/auto-approval/auto-approval.repository";
import type { DB } from "./schema";

/** Every repository, bound to one database handle (the pool, or a transaction). */
export class Repositories {
  readonly orgs: OrgRepository;
  readonly persons: PersonRepository;
  readonly enterprises: EnterpriseRepository;
  readonly accounts: AccountRepository;
  readonly sessions: SessionRepository;
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
  readonly certificates: CertificateRepository;
  readonly dataElements: DataElementRepository;
  readonly sharing: SharingRepository;
  readonly bundles: BundleRepository;
  readonly registryAdmin: RegistryAdminRepository;
  readonly settings: SettingsRepository;
  readonly ratings: RatingRepository;
  readonly tickets: TicketRepository;
  readonly profiles: ProfileRepository;
  readonly autoApproval: AutoApprovalRepository;
  readonly proactive: ProactiveRepository;
  readonly subjects: SubjectRepository;

  constructor(db: Kysely<DB>) {
    this.orgs = new OrgRepository(db);
    this.persons = new PersonRepository(db);
    this.enterprises = new EnterpriseRepository(db);
    this.accounts = new AccountRepository(db);
    this.sessions = new SessionRepository(db);
    this.loginThrottle = new LoginThrottleRepository(db);
    this.idempotency = new IdempotencyRepository(db);
    this.holdings = new HoldingRepository(db);
    this.agents = new AgentRepository(db);
    this.audit = new AuditRepository(db);
    this.catalogue = new CatalogueRepository(db);
    this.policies = new PolicyRepository(db);
    this.applications = new ApplicationRepository(db);
    this.files = new FileRepository(db);
    this.drafts = new DraftRepository(db);
    this.notifications = new NotificationRepository(db);
    this.appointments = new AppointmentRepository(db);
    this.calendar = new CalendarRepository(db);
    this.seals = new SealRepository(db);
    this.certificates = new CertificateRepository(db);
    this.dataElements = new DataElementRepository(db);
    this.sharing = new SharingRepository(db);
    this.bundles = new BundleRepository(db);
    this.registryAdmin = new RegistryAdminRepository(db);
    this.settings = new SettingsRepository(db);
    this.ratings = new RatingRepository(db);
    this.tickets = new TicketRepository(db);
    this.profiles = new ProfileRepository(db);
    this.autoApproval = new AutoApprovalRepository(db);
    this.proactive = new ProactiveRepository(db);
    this.subjects = new SubjectRepository(db);
  }
}

/** Repositories outside a transaction, and a way to run work in one. */
export interface Store {
  repos: Repositories;
  /** Runs `work` in one transaction; everything it writes commits or rolls back together. */
  transact<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

export function createStore(db: Kysely<DB>): Store {
  return {
    repos: new Repositories(db),
    transact: (work) => db.transaction().execute((trx) => work(new Repositories(trx))),
  };
}
