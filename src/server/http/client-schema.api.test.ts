import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EVENT_CODES } from "../../../clients/typescript/src/webhooks";
import { EVENT_TYPE_CODES } from "../../shared/integrations";
import { startTestApp, type TestApp } from "../testing/test-app";
import { clientSchemaSource } from "./openapi-document";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => t.close());

it("the typed client's schema is what the server documents now (npm run client:generate after changing an endpoint)", async () => {
  const committed = readFileSync(path.join(import.meta.dirname, "../../../clients/typescript/src/schema.ts"), "utf8");
  expect(await clientSchemaSource(t.app.swagger())).toBe(committed);
});

it("the client's event codes are the platform's event catalogue", () => {
  expect([...EVENT_CODES]).toEqual([...EVENT_TYPE_CODES]);
});
