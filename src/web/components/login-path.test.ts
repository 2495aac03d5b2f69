import { describe, expect, it } from "vitest";
import { loginPath, safeNext } from "./login-path";

describe("where a sign-in sends the person back to", () => {
  it("is a page of this site, with its query", () => {
    expect(safeNext("/items/1?apply=1")).toBe("/items/1?apply=1");
    expect(loginPath("/login", "/items/1?apply=1")).toBe("/login?next=%2Fitems%2F1%3Fapply%3D1");
    expect(loginPath("/register", "/me/appointments?itemId=1&itemName=%E5%87%BA")).toBe(`/register?next=${encodeURIComponent("/me/appointments?itemId=1&itemName=%E5%87%BA")}`);
  });
  it("is never another site, nor the sign-in pages themselves", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "evil", "/login?next=/me", "/register", "", null, undefined]) expect(safeNext(bad), String(bad)).toBeNull();
    expect(loginPath("/login", "//evil.example")).toBe("/login");
    expect(loginPath("/login", "/")).toBe("/login");
  });
});
