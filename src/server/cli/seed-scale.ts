import { parseArgs } from "node:util";
import { Presets, SingleBar } from "cli-progress";
import { loadConfig } from "../config";
import { closeRuntime, openRuntime } from "../runtime";
import { seedScale } from "../seed/seed-scale";
import { seedScaleApplications } from "../seed/seed-applications";
import { seedScaleAudit } from "../seed/seed-scale-audit";
import { printTableSizes } from "../seed/table-sizes";

/**
 * npm run seed:scale -- --persons 1000000 [--enterprises 50000] [--offset 0] [--applications 1000000] [--audit 5000000]
 * npm run seed:scale -- --city   (a city of Shanghai's size: 25 M persons, 5 M enterprises, 10 M applications, 50 M audit records)
 */
const { values } = parseArgs({
  options: {
    city: { type: "boolean", default: false },
    persons: { type: "string" },
    enterprises: { type: "string" },
    offset: { type: "string", default: "0" },
    applications: { type: "string" },
    audit: { type: "string" },
  },
});
const CITY = { persons: 25_000_000, enterprises: 5_000_000, applications: 10_000_000, audit: 50_000_000 };
const persons = Number(values.persons ?? (values.city ? CITY.persons : 100_000));
const enterprises = values.enterprises === undefined ? (values.city ? CITY.enterprises : Math.floor(persons / 20)) : Number(values.enterprises);
const applications = Number(values.applications ?? (values.city ? CITY.applications : 0));
const audit = Number(values.audit ?? (values.city ? CITY.audit : 0));
const offset = Number(values.offset);
if (![persons, enterprises, offset, applications, audit].every((n) => Number.isInteger(n) && n >= 0) || persons < 1) {
  console.error("usage: npm run seed:scale -- [--city] [--persons N] [--enterprises M] [--offset K] [--applications A] [--audit R]   (whole numbers, N ≥ 1)");
  process.exit(2);
}
const runStarted = Date.now();

const config = loadConfig();
const { database, cipher } = await openRuntime(config);
const bar = (label: string) =>
  new SingleBar({ format: `${label} |{bar}| {value}/{total} ({percentage}%) ETA {eta_formatted}`, hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 }, Presets.shades_classic);
const bars = { persons: bar("persons    "), enterprises: bar("enterprises") };
bars.persons.start(persons, 0);
let phase: "persons" | "enterprises" = "persons";
const started = Date.now();
const result = await seedScale(database.db, cipher, {
  persons,
  enterprises,
  offset,
  onProgress: (kind, done) => {
    if (kind !== phase) {
      bars[phase].stop();
      phase = kind;
      bars[phase].start(enterprises, 0);
    }
    bars[kind].update(done);
  },
});
bars[phase].stop();
const seconds = (Date.now() - started) / 1000;
console.log(`inserted ${result.persons} persons and ${result.enterprises} enterprises in ${seconds.toFixed(1)} s (${Math.round((result.persons + result.enterprises) / seconds)} rows/s) on ${database.kind}`);
if (applications > 0) {
  const appBar = bar("applications");
  appBar.start(applications, 0);
  const r = await seedScaleApplications(database.db, applications, (done) => appBar.update(done));
  appBar.stop();
  console.log(`inserted ${r.count} applications (${r.rowsPerSecond} rows/s) on ${database.kind}`);
}
if (audit > 0) {
  const auditBar = bar("audit log   ");
  auditBar.start(audit, 0);
  const r = await seedScaleAudit(database.db, audit, offset + persons, (done) => auditBar.update(done));
  auditBar.stop();
  console.log(`appended ${r.count} audit records to the districts' chains (${r.rowsPerSecond} rows/s) on ${database.kind}`);
}
console.log(`seed:scale took ${((Date.now() - runStarted) / 60_000).toFixed(1)} min`);
await printTableSizes(database.db);
await closeRuntime(database);
