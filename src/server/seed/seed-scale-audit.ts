import { type Kysely, sql } from "kysely";
import { SHANGHAI_DISTRICTS } from "../../shared/validation/division-code";
import { ensureMonthPartitions, monthsBetween } from "../db/partitions";
import type { DB } from "../db/schema";
import { auditLogRow, GENESIS_HASH, hashAuditRecord } from "../modules/audit/audit-hash";
import { dataUseDetails, purposeText, type SharePurpose } from "../modules/sharing/data-use-record";
import { seedUuid } from "./seed-demo";

const FIRST_MONTH = "2025-01";
const SPAN_MS = Date.UTC(2026, 10, 30) - Date.UTC(2025, 0, 1);
const START_MS = Date.UTC(2025, 0, 1) - 8 * 3_600_000; // 1 January 2025, 00:00 in China
const BATCH = 10_000;

/** The services the generated records are about (their item codes and names, as the demo catalogue has them). */
const SERVICES = [
  { itemCode: "XK00002001", itemName: "食品经营许可", implCode: (district: string) => `XK00002001-3-${district}-AMR` },
  { itemCode: "QR00001001", itemName: "出生登记（新生儿落户）", implCode: (district: string) => `QR00001001-3-${district}-PSB` },
  { itemCode: "JF00003001", itemName: "老年综合津贴申领", implCode: (district: string) => `JF00003001-3-${district}-CA` },
];

/**
 * A generated record's content, in the shapes the platform writes (so that the log's size on disk is a
 * city's): two in three are uses of a scale person's data (data.share, written by the sharing layer's own
 * `dataUseDetails` — one in three of those a consented prefill of a longer form, the rest the evidence an
 * application was handled with), the rest submissions as the applications module records them. The
 * applicant acts; the data subject is the person.
 */
function recordContent(chain: string, k: number, persons: number) {
  const person = (k * 7919 + chain.charCodeAt(5)) % Math.max(1, persons);
  const personId = seedUuid(`scale-person:${person}`);
  const service = SERVICES[k % SERVICES.length]!;
  const number = `S${chain}-${String(k).padStart(9, "0")}`;
  const applicant = { actorAccountId: seedUuid(`scale-account:${person}`), actorName: "申请人", orgId: null };
  if (k % 3 === 2) {
    return { ...applicant, action: "application.submit", targetType: "application", targetId: seedUuid(`scale-application:${number}`), subjectPersonId: null, purpose: null, details: { number, channel: "online", implCode: service.implCode(chain) } };
  }
  const prefill = k % 9 === 0 || k % 9 === 4; // a third of the uses (k % 3 is 0 or 1 for a use)
  const purpose: SharePurpose = prefill
    ? { kind: "prefill", itemCode: service.itemCode, itemName: service.itemName, readerOrgId: "", regionCode: chain }
    : { kind: "application", applicationId: seedUuid(`scale-application:${number}`), applicationNumber: number, itemCode: service.itemCode, itemName: service.itemName, readerOrgId: "", regionCode: chain };
  const sources = prefill
    ? [
        { registry: "population" as const, orgCode: `${chain}-PSB`, elements: ["person.name", "person.idNumber", "person.gender", "person.birthDate", "person.hukou", "person.address"] },
        { registry: "certificates" as const, orgCode: `${chain}-PSB`, elements: ["cert:resident_id", "cert:household_register"] },
        { registry: "account" as const, orgCode: null, elements: ["person.mobile", "contact.name"] },
      ]
    : [
        { registry: "population" as const, orgCode: `${chain}-PSB`, elements: ["person.name", "person.idNumber", "person.address"] },
        { registry: "certificates" as const, orgCode: `${chain}-PSB`, elements: ["cert:resident_id"] },
      ];
  return { ...applicant, action: "data.share", targetType: "person", targetId: personId, subjectPersonId: personId, purpose: purposeText(purpose), details: dataUseDetails(sources, purpose) };
}

/**
 * Appends `count` synthetic audit records to the districts' chains — hashed and linked as the sequencer
 * links real ones, so `audit:verify` passes over them — dated evenly over January 2025 … November 2026
 * (each month's partition made first, so nothing lands in the default partition). Two in three are data
 * uses of the scale people (`--persons` of seed:scale), the subject of 我的数据使用记录, in the sharing
 * layer's own record shape. Each batch is one
 * transaction holding its chain's head.
 */
export async function seedScaleAudit(db: Kysely<DB>, count: number, persons: number, onProgress?: (done: number) => void): Promise<{ count: number; rowsPerSecond: number }> {
  await ensureMonthPartitions(db, "audit_log", "occurred_at", monthsBetween(FIRST_MONTH, "2026-11"));
  const chains = SHANGHAI_DISTRICTS.map((d) => d.code);
  const perChain = Math.ceil(count / chains.length);
  const began = performance.now();
  let done = 0;
  // Two chains at a time, each batch one transaction holding its chain's head: one chain's records are
  // hashed while the other's are inserted.
  const appendBatch = async (chain: string, written: number, n: number) => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("audit_head").values({ chain, seq: 0, hash: GENESIS_HASH }).onConflict((oc) => oc.column("chain").doNothing()).execute();
      const head = await trx.selectFrom("audit_head").select(["seq", "hash"]).where("chain", "=", chain).forUpdate().executeTakeFirstOrThrow();
      let seq = Number(head.seq);
      let prevHash = head.hash;
      const rows = [];
      for (let i = 0; i < n; i++) {
        const k = written + i;
        const occurredAt = new Date(START_MS + Math.floor((k / perChain) * SPAN_MS));
        const content = recordContent(chain, k, persons);
        const record = { chain, seq: ++seq, occurredAt, requestId: null, actingForEnterpriseId: null, ...content, prevHash };
        prevHash = hashAuditRecord(record);
        rows.push({ ...auditLogRow(record, prevHash), hash: `\\x${prevHash}` }); // bytea's text form, inside JSON
      }
      // One parameter for the whole batch: a JSON array turned into rows by the server.
      await sql`insert into audit_log select * from json_populate_recordset(null::audit_log, ${JSON.stringify(rows)}::json)`.execute(trx);
      await trx.updateTable("audit_head").set({ seq, hash: prevHash }).where("chain", "=", chain).execute();
    });
    done += n;
    onProgress?.(done);
  };
  let planned = 0; // records given to a batch so far (`done` counts those committed)
  for (let written = 0; written < perChain && planned < count; written += BATCH) {
    for (let c = 0; c < chains.length && planned < count; c += 2) {
      const pair = chains.slice(c, c + 2).map((chain) => {
        const n = Math.max(0, Math.min(BATCH, perChain - written, count - planned));
        planned += n;
        return { chain, n };
      });
      await Promise.all(pair.filter((b) => b.n > 0).map((b) => appendBatch(b.chain, written, b.n)));
    }
  }
  const seconds = (performance.now() - began) / 1000;
  await sql`analyze audit_log`.execute(db);
  return { count: done, rowsPerSecond: Math.round(done / seconds) };
}
