import { hasRole, type Actor, type RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { PersonRepository } from "./person.repository";
import { DomainError } from "../../domain-error";
import { maskIdNumber } from "../../../shared/validation/id-number";
import { maskMobile } from "../../../shared/validation/mobile";
import { maskAddress } from "../../../shared/validation/address";
import type { PersonView } from "../../../shared/schemas/registry";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; persons: PersonRepository };

/** Roles that may read the population registry for a stated purpose. */
const READER_ROLES = ["window_clerk", "reviewer", "approver", "data_admin", "hotline_agent"] as const;


/**
 * Reads of the base registries on behalf of staff. Every read states a purpose and is written to
 * the audit log in the same transaction, with the person as its subject, so they can see it.
 * Raises: FORBIDDEN, PERSON_NOT_FOUND.
 */
export class RegistryService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
  ) {}

  async lookupPerson(actor: Actor, idNumber: string, purpose: string, ctx: RequestContext): Promise<PersonView> {
    if (!hasRole(actor, ...READER_ROLES)) throw new DomainError("FORBIDDEN");
    return this.store.transact(async (repos) => {
      const person = await repos.persons.findByIdNumberHash(this.cipher.blindIndex("id", idNumber));
      if (!person) throw new DomainError("PERSON_NOT_FOUND");
      const elements = ["person.name", "person.idNumber", "person.gender", "person.birthDate", "person.hukou", "person.address", "person.mobile", "person.maritalStatus"];
      await repos.audit.append(actor, ctx, {
        action: "person.read",
        targetType: "person",
        targetId: person.id,
        subjectPersonId: person.id,
        purpose,
        details: { source: "population", elements },
      });
      return {
        id: person.id,
        name: person.name,
        idNumberMasked: maskIdNumber(this.cipher.decrypt(person.id_number_enc)),
        gender: person.gender,
        birthDate: person.birth_date,
        hukouDivisionCode: person.hukou_division_code,
        // Where the person lives, to the road: the full address is not needed at a counter.
        address: maskAddress(person.address_enc ? this.cipher.decrypt(person.address_enc) : (person.address ?? "")),
        mobileMasked: person.mobile_enc ? maskMobile(this.cipher.decrypt(person.mobile_enc)) : null,
        maritalStatus: person.marital_status,
        updatedAt: person.updated_at.toISOString(),
        sourceOrgCode: person.source_org_code,
      };
    });
  }
}
