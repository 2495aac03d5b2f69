import { loadConfig } from "../config";
import { createRepositoryStore } from "../repositories";
import { openDatabase } from "../db/database";
import { BundleCatalogue } from "../modules/bundles/bundle-catalogue";

/**
 * npm run bundles:report — for each 一件事, computed from the definitions and the catalogue: form
 * fields, materials, visits and time limits applying for its items separately against the bundle.
 * BUNDLES_REGION chooses the district whose implementations are counted (default 黄浦 310101).
 */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const bundles = await new BundleCatalogue(createRepositoryStore(database.db)).list(process.env.BUNDLES_REGION);
await database.close();

const width = (s: string) => [...s].reduce((w, c) => w + (/[\u2E80-\uFFEF]/.test(c) ? 2 : 1), 0);
const pad = (s: string | number, n: number) => String(s) + " ".repeat(Math.max(0, n - width(String(s))));
const pair = (a: number, b: number) => `${a} → ${b}`;

console.log(`“一件事”减负测算（${bundles.length} 件；分别办理 → 一件事办理）\n`);
console.log(`${pad("一件事", 34)}${pad("事项", 6)}${pad("表单字段", 12)}${pad("材料（份）", 12)}${pad("跑动（次）", 12)}${pad("时限（工作日）", 16)}小结`);
for (const b of bundles) {
  const { separate: s, bundle: g } = b.reduction;
  const summary = `表单减少 ${s.fields - g.fields} 项，材料减少 ${s.materials - g.materials} 份，时限压缩 ${s.days - g.days} 个工作日，跑动 ${g.visits} 次`;
  console.log(`${pad(b.name, 34)}${pad(b.itemCount, 6)}${pad(pair(s.fields, g.fields), 12)}${pad(pair(s.materials, g.materials), 12)}${pad(pair(s.visits, g.visits), 12)}${pad(pair(s.days, g.days), 16)}${summary}`);
}
if (!bundles.length) console.log("（没有已发布的一件事；先运行 npm run db:seed）");
