/** The field-encryption key of every test database: the seeded template's data is encrypted with it. */
export const TEST_FIELD_KEY = "6861 6f62 616e 2d74 6573 742d 6669 656c 642d 6b65 792d 3230 3236 2d30 3132 3334".replace(/ /g, "");

/** What the lane's global set-up prepared once: template databases (server) or data-directory dumps (PGlite). */
export type TestTemplates =
  | { kind: "postgres"; migrated: string; seeded: string }
  | { kind: "pglite"; migrated: string; seeded: string };

declare module "vitest" {
  export interface ProvidedContext {
    testTemplates: TestTemplates;
  }
}
