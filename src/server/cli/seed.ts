import { loadConfig } from "../config";
import { closeRuntime, openRuntime } from "../runtime";
import { isEmpty, seedDemo } from "../seed/seed-demo";
import { seedDemoActivity } from "../seed/seed-activity";
import { seedDemoIntegration } from "../seed/seed-integration";

const config = loadConfig();
const { database, cipher } = await openRuntime(config);
if (await isEmpty(database.db)) {
  const now = new Date();
  console.log("demo city seeded:", await seedDemo(database.db, cipher, now));
  console.log("demo ratings and 12345 tickets:", await seedDemoActivity(database.db, cipher, now));
  console.log("demo department system:", await seedDemoIntegration(database.db, config.integrations.demoClientSecret));
} else {
  console.log("the database already holds data; the demo city is seeded only into an empty database");
}
await closeRuntime(database);
