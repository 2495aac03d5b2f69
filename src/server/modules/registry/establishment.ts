import { randomInt } from "node:crypto";
import type { UnitOfWork } from "../../db/store";
import type { EnterpriseRepository } from "./enterprise.repository";
import { buildCreditCode } from "../../../shared/validation/credit-code";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { enterprises: EnterpriseRepository };

export interface Establishment {
  name: string;
  legalRepPersonId: string;
  divisionCode: string;
  regionCode: string;
  capitalWan: number;
  address: string;
  industry: string;
  establishedOn: string;
  sourceOrgCode: string;
}

/**
 * 设立登记 approved: the new enterprise enters the legal-person registry (法人库) under a unified
 * social credit code of its own (GB 32100: registration authority 9 工商, category 1 企业, the
 * division, an organisation code body with its GB 11714 check, the check character), drawn until
 * unused. Runs in the approving transaction.
 */
export async function establishEnterprise(repos: Repos, e: Establishment) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const body = String(randomInt(10_000_000, 100_000_000));
    const creditCode = buildCreditCode("9", "1", e.divisionCode, body);
    if (await repos.enterprises.findByCreditCode(creditCode)) continue;
    return repos.enterprises.insertEstablished({
      credit_code: creditCode,
      name: e.name,
      type: "企业",
      legal_rep_person_id: e.legalRepPersonId,
      division_code: e.divisionCode,
      region_code: e.regionCode,
      established_on: e.establishedOn,
      industry: e.industry,
      registered_capital_wan: e.capitalWan,
      address: e.address,
      source_org_code: e.sourceOrgCode,
      updated_at: new Date(),
    });
  }
  throw new Error("no unused credit code after 10 draws");
}
