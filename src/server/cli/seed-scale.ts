import { parseArgs } from "node:util";
import { Presets, SingleBar } from "cli-progress";
import { loadConfig } from "../config";
import { openRuntime } from "../runtime";
import { seedScale } from "../seed/seed-scale";
import { seedScaleApplications } from "../seed/seed-applications";

/** npm run seed:scale -- --persons 1000000 [--enterprises 50000] [--offset 0] [--applications 1000000] */
const { values } = parseArgs({
  options: {
    persons: { type: "string", default: "100000" },
    enterprises: { type: "string" },
    offset: { type: "string", default: "0" },
    applications: { type: "string", default: "0" },
  },
});
const applications = Number(values.applications);
const persons = Number(values.persons);
const enterprises = values.enterprises === undefined ? Math.floor(persons / 20) : Number(values.enterprises);
const offset = Number(values.offset);
if (![persons, enterprises, offset].every((n) => Number.isInteger(n) && n >= 0) || persons < 1) {
  console.error("usage: npm run seed:scale -- --persons N [--enterprises M] [--offset K]   (whole numbers, N ≥ 1)");
  process.exit(2);
}

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
  if (!Number.isInteger(applications)) throw new Error("--applications must be a whole number");
  const appBar = bar("applications");
  appBar.start(applications, 0);
  const r = await seedScaleApplications(database.db, applications, (done) => appBar.update(done));
  appBar.stop();
  console.log(`inserted ${r.count} applications (${r.rowsPerSecond} rows/s) on ${database.kind}`);
}
await database.close();
