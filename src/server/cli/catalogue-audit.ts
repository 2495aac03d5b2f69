import { loadConfig } from "../config";
import { createRepositoryStore } from "../repositories";
import { openDatabase } from "../db/database";
import { CatalogueAuditService } from "../modules/catalogue/catalogue-audit.service";

/** npm run catalogue:audit — the catalogue quality audit of the whole city as tables. */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const result = await new CatalogueAuditService(createRepositoryStore(database.db)).run(null);
await database.close();

const width = (s: string) => [...s].reduce((w, c) => w + (/[\u2E80-\uFFEF]/.test(c) ? 2 : 1), 0);
const pad = (s: string | number, n: number) => String(s) + " ".repeat(Math.max(0, n - width(String(s))));

console.log(`目录质量审计：${result.items} 个实施清单事项，平均完整度 ${result.averageScore} 分\n`);
console.log("按实施机构");
console.log(`${pad("实施机构", 44)}${pad("事项数", 8)}${pad("完整度", 8)}${pad("不完整", 8)}不一致`);
for (const o of result.orgs) console.log(`${pad(o.orgName, 44)}${pad(o.items, 8)}${pad(o.averageScore, 8)}${pad(o.incomplete, 8)}${o.inconsistencies}`);
console.log(`\n要素缺失（${result.completeness.length} 项）`);
for (const c of result.completeness) console.log(`${pad(c.score, 5)}${pad(c.implCode, 30)}${pad(c.name, 30)}缺：${c.missing.join("、")}`);
const open = result.inconsistencies.filter((f) => !f.acceptedReason);
console.log(`\n跨层级不一致（${open.length} 项待说明，${result.inconsistencies.length - open.length} 项已说明理由）`);
for (const f of result.inconsistencies) {
  console.log(`${pad(f.acceptedReason ? "已说明" : "待处理", 8)}${pad(f.implCode, 30)}${pad(f.element, 10)}基准：${f.reference} ｜ 本级：${f.actual}${f.acceptedReason ? ` ｜ 理由：${f.acceptedReason}` : ""}`);
}
