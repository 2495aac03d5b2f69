#!/usr/bin/env node
// npm run ease:report: drives the citizen journeys through the real UI (Playwright on Chromium, the
// "ease" project on a demo city of its own) and prints, for each, what the citizen typed, chose,
// uploaded, clicked and submitted, next to applying for the same items separately. The targets are
// asserted by the browser test itself (e2e/ease.spec.ts); this prints its figures.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.log(`The ease report needs Chromium at ${chromium} (apt-get install -y chromium).`);
  process.exit(1);
}
const build = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
rmSync("tmp/ease-report.json", { force: true });
const run = spawnSync("npx", ["playwright", "test", "--project=ease", "--reporter=list"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: "" } });
if (!existsSync("tmp/ease-report.json")) process.exit(run.status ?? 1);

const { rows } = JSON.parse(readFileSync("tmp/ease-report.json", "utf8"));
const pad = (s, n) => String(s) + " ".repeat(Math.max(0, n - [...String(s)].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
const head = ["办理", "键入项", "选择", "上传", "点击", "提交", "签署", "跑动", "时限(工作日)", "分别办理：表单项/材料/跑动/时限", "一件事：表单项/材料", "材料减少"];
const widths = [46, 7, 5, 5, 5, 5, 5, 5, 13, 34, 20, 12];
console.log("\n少填、少交、少跑 — ease report\n");
console.log(head.map((h, i) => pad(h, widths[i])).join(""));
for (const r of rows) {
  const sep = r.separate ? `${r.separate.fields}/${r.separate.materials}/${r.separate.visits}/${r.separate.days}` : "—";
  const bun = r.bundle ? `${r.bundle.fields}/${r.bundle.materials}` : "—";
  const cut = r.separate && r.bundle && r.separate.materials ? Math.round((1 - r.bundle.materials / r.separate.materials) * 100) : null;
  const mark = cut === null ? "—" : `−${cut}% ${cut >= 80 ? "✓" : "✗"}`;
  console.log([r.journey, r.typed, r.choices, r.uploads, r.clicks, r.submissions, r.signatures, r.visits, r.days ?? "—", sep, bun, mark].map((v, i) => pad(v, widths[i])).join(""));
}
console.log("\nTargets (asserted by e2e/ease.spec.ts): 企业开办 alone ≤ 10 typed, 0 uploads, 1 submission, 0 visits; two shareholders +1 signature, nothing typed twice; 新生儿出生一件事 ≤ 5 typed, 0 uploads; 高龄津贴 0 typed, ≤ 3 clicks after login; 居住证签注 and 退休一件事 0 uploads; every 一件事 0 visits and materials −80 % (✗ would mark a bundle short of it).");
process.exit(run.status ?? 1);
