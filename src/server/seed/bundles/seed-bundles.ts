import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { bundleDefinition } from "../../../shared/schemas/bundle";
import { DEMO_BUNDLES } from "./demo-bundles";

/** Stores the demo bundles not stored yet (a definition the schema rejects stops the seed). */
export async function seedBundles(db: Kysely<DB>) {
  const rows = DEMO_BUNDLES.map((input) => {
    const def = bundleDefinition.parse(input);
    return { code: def.code, name: def.name, definition: JSON.stringify(def) };
  });
  await db.insertInto("bundles").values(rows).onConflict((oc) => oc.column("code").doNothing()).execute();
  return rows.length;
}
