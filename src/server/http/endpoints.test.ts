import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { anyone, endpoint } from "../../shared/api/endpoint";
import { sharedAnswer } from "../shared-answer";
import { cacheControlOf } from "../app";
import { route } from "./endpoints";

const answerEndpoint = endpoint({
  method: "GET",
  path: "/answer/:which",
  summary: "test",
  tags: ["test"],
  access: anyone,
  params: z.object({ which: z.enum(["kept", "other", "wrong"]) }),
  response: z.object({ name: z.string(), when: z.iso.datetime() }),
});

async function appWith(answers: Record<string, object>) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  let calls = 0;
  route(app, answerEndpoint, async (req) => {
    calls++;
    return answers[req.params.which] as never;
  }, { sharedAnswers: true });
  await app.ready();
  return { app, calls: () => calls };
}

describe("routes that hand out shared answers", () => {
  it("send the schema's JSON of the answer, made once per object: unknown fields stay out, a new object is serialised anew", async () => {
    let reads = 0;
    const kept = sharedAnswer({
      get name() {
        reads++;
        return "出生登记";
      },
      when: "2026-12-06T03:00:00.000Z",
      secret: "不应发出",
    });
    reads = 0; // freezing walked it once
    const { app, calls } = await appWith({ kept, other: sharedAnswer({ name: "高龄津贴", when: "2026-12-07T03:00:00.000Z" }) });
    const first = await app.inject({ method: "GET", url: "/answer/kept" });
    const again = await app.inject({ method: "GET", url: "/answer/kept" });
    const other = await app.inject({ method: "GET", url: "/answer/other" });
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(first.json()).toEqual({ name: "出生登记", when: "2026-12-06T03:00:00.000Z" });
    expect(again.body).toBe(first.body);
    expect(reads).toBe(1); // the second request did not encode the answer again
    expect(other.json()).toEqual({ name: "高龄津贴", when: "2026-12-07T03:00:00.000Z" });
    expect(calls()).toBe(3);
    expect(Object.isFrozen(kept)).toBe(true);
  });

  it("refuse an answer that breaks the response schema as any route does: an error, never the wrong shape", async () => {
    const { app } = await appWith({ wrong: sharedAnswer({ name: 42, when: "yesterday" }) });
    const res = await app.inject({ method: "GET", url: "/answer/wrong" });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain("yesterday");
  });
});

describe("sharedAnswer", () => {
  it("freezes the answer all the way down", () => {
    const a = sharedAnswer({ hits: [{ title: "出生登记", alsoAt: [{ orgName: "徐汇" }] }] });
    expect(() => {
      (a.hits[0]!.alsoAt[0] as { orgName: string }).orgName = "黄浦";
    }).toThrow(TypeError);
    expect(Object.isFrozen(a.hits)).toBe(true);
  });
});

describe("how long a browser keeps the web app's files", () => {
  it("keeps the hashed assets for good and checks everything else, wherever the web app is installed", () => {
    const root = "/srv/assets/haoban/web";
    expect(cacheControlOf(root, `${root}/assets/index-Cn0x0xxY.js`)).toBe("public, max-age=31536000, immutable");
    expect(cacheControlOf(root, `${root}/index.html`)).toBe("no-cache");
    expect(cacheControlOf(root, `${root}/favicon.svg`)).toBe("no-cache");
  });
});
