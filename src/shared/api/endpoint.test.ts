import { describe, expect, it } from "vitest";
import { applicationEndpoints } from "./applications";
import { pathOf, queryString } from "./endpoint";

describe("the endpoint table's paths", () => {
  it("fills path parameters, encoded, and refuses a missing one", () => {
    expect(pathOf(applicationEndpoints.document, { id: "0b6a7c1e-1111-4222-8333-444455556666", kind: "receipt" })).toBe("/applications/0b6a7c1e-1111-4222-8333-444455556666/documents/receipt");
    expect(pathOf(applicationEndpoints.get, { id: "a/b c" })).toBe("/applications/a%2Fb%20c");
    expect(() => pathOf(applicationEndpoints.get, {})).toThrow("missing path parameter id");
  });

  it("writes only the defined query values", () => {
    expect(queryString({ state: "submitted", q: "", channel: undefined, limit: 20, offset: 0 })).toBe("?state=submitted&limit=20&offset=0");
    expect(queryString({})).toBe("");
    expect(queryString(undefined)).toBe("");
  });
});
