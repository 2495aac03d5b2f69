import { loadConfig } from "../config";
import { openRuntime } from "../runtime";
import { isEmpty, seedDemo } from "../seed/seed-demo";

const config = loadConfig();
const { database, cipher } = await openRuntime(config);
if (await isEmpty(database.db)) {
  console.log("demo city seeded:", await seedDemo(database.db, cipher));
} else {
  console.log("the database already holds data; the demo city is seeded only into an empty database");
}
await database.close();
