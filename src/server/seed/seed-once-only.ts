import { addressRow, demoAddressRegistry } from "./demo-addresses";
import type { Kysely } from "kysely";
import { createRepositoryStore } from "../repositories";
import type { FieldCipher } from "../crypto/field-cipher";
import { ed25519Signer } from "../crypto/signer";
import type { DB } from "../db/schema";
import { CertificateService } from "../modules/certificates/certificate.service";
import { seedDataElements } from "../modules/data-elements/data-element.service";
import { SealService } from "../modules/seals/seal.service";
import { boundFields, materialElement } from "../modules/sharing/prefill.service";
import { ruleSubjectFor } from "../modules/sharing/sharing.service";
import type { ItemContent } from "../../shared/schemas/catalogue";
import type { EnterpriseSeed, PersonSeed } from "./demo-people";
import { seedUuid } from "./seed-demo-ids";

/**
 * Once-only demo data: the data-element dictionary, a sharing rule for every published demo item
 * (its implementing org may read the elements its form binds and the evidence its materials name),
 * certificates the named demo people already hold (居民身份证, 居民户口簿, 结婚证, 出生医学证明, 学历证书),
 * some credit-list entries, and the address registry from the registered addresses.
 */
export async function seedOnceOnly(db: Kysely<DB>, cipher: FieldCipher, people: PersonSeed[], enterprises: EnterpriseSeed[], now: Date) {
  const repos = createRepositoryStore(db).repos;
  await seedDataElements(repos);
  await seedSharingRules(db);

  const store = createRepositoryStore(db);
  const certificates = new CertificateService(store, new SealService(store, cipher, ed25519Signer, () => now), () => now);
  const byKey = new Map(people.map((p) => [p.key, p]));
  const named = people.filter((p) => /^p\d\d$/.test(p.key));
  const personId = (key: string) => seedUuid(`person:${key}`);
  const issue = (type: string, issuer: string, p: PersonSeed, data: Record<string, string>) =>
    certificates.issue(repos, { type, issuerOrgId: seedUuid(`org:${issuer}`), applicationId: null, holder: { kind: "person", personId: personId(p.key), enterpriseId: null, name: p.name, id: p.idNumber }, data });
  const sex = (g: string) => (g === "M" ? "男" : "女");

  for (const p of named) {
    const adult = p.birthDate < "2008-01-01";
    // Someone registered outside the city had the ID card issued where they live (异地换领) and has no 户口簿 here.
    const local = p.hukouDivisionCode.startsWith("31");
    if (adult) await issue("resident_id", `${local ? p.hukouDivisionCode : p.districtCode}-PSB`, p, { name: p.name, gender: sex(p.gender), birthDate: p.birthDate, address: p.address });
    const family = named.filter((o) => o.key === p.spouseKey || o.fatherKey === p.key || o.motherKey === p.key).map((o) => o.name);
    if (adult && local) await issue("household_register", `${p.hukouDivisionCode}-PSB`, p, { holderName: p.name, address: p.address, members: [p.name, ...family].join("、") });
    if (adult) await issue("social_security_card", "310000-HRSS", p, { holderName: p.name });
    const spouse = p.spouseKey ? byKey.get(p.spouseKey) : undefined;
    if (spouse) await issue("marriage_certificate", `${p.districtCode}-CA`, p, { holderName: p.name, spouseName: spouse.name, registeredOn: "2014-05-20" });
    if (p.motherKey) {
      const mother = byKey.get(p.motherKey);
      const father = p.fatherKey ? byKey.get(p.fatherKey) : undefined;
      await issue("birth_certificate", `${p.districtCode}-HEALTH`, p, { childName: p.name, childGender: sex(p.gender), birthDate: p.birthDate, birthPlace: "上海市第一妇婴保健院", motherName: mother?.name ?? "", fatherName: father?.name ?? "" });
    }
    if (["p01", "p02", "p06", "p07"].includes(p.key)) {
      await issue("education_certificate", "310000-EDU", p, { holderName: p.name, school: p.key === "p07" ? "上海大学" : "华东师范大学", major: p.key === "p06" ? "会计学" : "计算机科学与技术", level: "本科", graduatedOn: p.key === "p07" ? "2021-06-30" : "2008-06-30" });
    }
  }

  // Certificates coming due, for the expiry reminders and 秒批 renewals: 孙浩's 居住证 (issued 345 days ago,
  // valid one year) and the food-business licence of 浦东新区志强小吃店 (valid five years, 25 days left).
  const issuedBefore = (days: number) => {
    const then = new Date(now.getTime() - days * 86_400_000);
    return new CertificateService(store, new SealService(store, cipher, ed25519Signer, () => then), () => then);
  };
  const sun = byKey.get("p07");
  if (sun) await issuedBefore(345).issue(repos, { type: "residence_permit", issuerOrgId: seedUuid(`org:${sun.districtCode}-PSB`), applicationId: null, holder: { kind: "person", personId: personId(sun.key), enterpriseId: null, name: sun.name, id: sun.idNumber }, data: { holderName: sun.name, permitNumber: `SH${sun.idNumber.slice(-8)}`, endorsement: "首次签发" } });
  const diner = enterprises.find((e) => e.name === "浦东新区志强小吃店");
  if (diner) {
    const rep = people.find((p) => p.key === diner.legalRepKey)!;
    await issuedBefore(5 * 365 + 1 - 25).issue(repos, { type: "food_business_licence", issuerOrgId: seedUuid(`org:${diner.districtCode}-AMR`), applicationId: null, holder: { kind: "enterprise", personId: null, enterpriseId: seedUuid(`enterprise:${diner.creditCode}`), name: diner.name, id: diner.creditCode }, data: { operatorName: diner.name, creditCode: diner.creditCode, legalRep: rep.name, premises: diner.address, mainBusiness: "小吃店（热食类食品制售）" } });
  }

  // 信用: one red-list and one black-list entry among the demo enterprises.
  const [red, , black] = enterprises;
  if (red) await db.insertInto("credit_records").values({ credit_code: red.creditCode, list: "red", reason: "2025 年度守合同重信用企业", listed_on: "2025-06-30", expires_on: "2027-06-29", source_org_code: `${red.districtCode}-AMR`, region_code: red.districtCode }).execute();
  if (black) await db.insertInto("credit_records").values({ credit_code: black.creditCode, list: "black", reason: "未按规定期限公示年度报告，列入经营异常名录", listed_on: "2026-07-01", expires_on: null, source_org_code: `${black.districtCode}-AMR`, region_code: black.districtCode }).execute();

  // 地址库: the demo roads' doors and flats, and every registered address, in the street of its road.
  const addresses = new Map(demoAddressRegistry().map((r) => [r.detail, r]));
  for (const p of people) if (!addresses.has(p.address)) addresses.set(p.address, addressRow(p.address, p.districtCode, `${p.districtCode}-PSB`));
  for (const e of enterprises) if (!addresses.has(e.address)) addresses.set(e.address, addressRow(e.address, e.districtCode, `${e.districtCode}-AMR`));
  const rows = [...addresses.values()];
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto("addresses").values(rows.slice(i, i + 1000)).onConflict((oc) => oc.columns(["division_code", "detail"]).doNothing()).execute();
}

/** A rule per published item and subject: the implementing org may read what the form and materials need. */
async function seedSharingRules(db: Kysely<DB>) {
  const items = await createRepositoryStore(db).repos.catalogue.listAllPublished();
  const rows = items.flatMap((item) => {
    const content = item.content as ItemContent;
    const elements = [...new Set([...boundFields(content).map((f) => f.dataElement), ...content.guide.materials.map(materialElement).filter((e): e is string => !!e)])];
    const bySubject = new Map<string, string[]>();
    for (const e of elements) bySubject.set(ruleSubjectFor(e), [...(bySubject.get(ruleSubjectFor(e)) ?? []), e]);
    return [...bySubject].map(([subject, els]) => ({ org_id: item.org_id, item_code: item.basic_code, subject, elements: JSON.stringify(els), note: "依据事项申请表和材料清单生成", region_code: item.region_code, created_by: "系统" }));
  });
  for (let i = 0; i < rows.length; i += 500) await db.insertInto("sharing_rules").values(rows.slice(i, i + 500)).onConflict((oc) => oc.columns(["org_id", "item_code", "subject"]).doNothing()).execute();
}
