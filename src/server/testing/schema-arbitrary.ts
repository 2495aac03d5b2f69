import fc from "fast-check";

/**
 * Requests generated from the platform's own OpenAPI document (for the fuzz and authorization tests):
 * values that follow a route's JSON schema, and hostile values no input should turn into a 500.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  additionalProperties?: boolean | JsonSchema;
  $ref?: string;
}
export interface Operation {
  parameters?: Array<{ in: "path" | "query" | "header"; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const LONE_SURROGATE = "\ud800";
/** Values no input should be able to turn into a 500. */
export const hostileString = fc.constantFrom(
  "\u0000",
  `a${LONE_SURROGATE}b`,
  "\udfff",
  "x".repeat(100_000),
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "\u202egnp.exe",
  "😀".repeat(50),
  "",
  " ",
  "%00",
  "NaN",
  "2147483648",
  "-1",
  "1e309",
  "0000-00-00",
  "2026-02-30",
  "00000000-0000-0000-0000-000000000000",
);
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  // The classes that broke the platform before weigh most.
  { weight: 3, arbitrary: fc.constantFrom("\u0000", `a\u0000b`, `a${LONE_SURROGATE}b`, LONE_SURROGATE) },
  { weight: 2, arbitrary: fc.constantFrom(2 ** 31, 2 ** 53 + 2, -(2 ** 31) - 1, 1e308) },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(-0, 0.5, -1, null, true, false, [], {}, [[[[[[[[]]]]]]]]) },
  { weight: 1, arbitrary: fc.constant(JSON.parse(`${"[".repeat(200)}${"]".repeat(200)}`) as unknown) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

function resolve(doc: OpenApiDoc, s: JsonSchema | undefined): JsonSchema | undefined {
  if (s?.$ref) return resolve(doc, doc.components?.schemas?.[s.$ref.split("/").pop()!]);
  return s;
}

/**
 * An arbitrary of values that follow the schema; with `hostile`, each part is sometimes replaced by a
 * hostile value.
 */
export function fromSchema(doc: OpenApiDoc, raw: JsonSchema | undefined, depth = 0, hostile = true): fc.Arbitrary<unknown> {
  const s = resolve(doc, raw);
  const valid = ((): fc.Arbitrary<unknown> => {
    if (!s || depth > 5) return fc.jsonValue({ maxDepth: 2 });
    if (s.enum) return fc.constantFrom(...s.enum);
    const variants = s.anyOf ?? s.oneOf;
    if (variants?.length) return fc.oneof(...variants.map((v) => fromSchema(doc, v, depth + 1, hostile)));
    if (s.allOf?.length) return fromSchema(doc, s.allOf[0], depth + 1, hostile);
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
    switch (type) {
      case "object": {
        const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fromSchema(doc, v, depth + 1, hostile)]));
        return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      }
      case "array":
        return fc.array(fromSchema(doc, s.items, depth + 1, hostile), { maxLength: 3 });
      case "string":
        if (s.format === "uuid") return fc.uuid();
        if (s.format === "date") return fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
        return fc.string({ minLength: Math.min(s.minLength ?? 0, 20), maxLength: Math.min(Math.max(s.maxLength ?? 20, s.minLength ?? 0), 20) });
      case "integer":
        return fc.integer({ min: Math.max(s.minimum ?? -1000, -(2 ** 31)), max: Math.min(s.maximum ?? 1000, 2 ** 31 - 1) });
      case "number":
        return fc.double({ noNaN: true, noDefaultInfinity: true, min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
      case "boolean":
        return fc.boolean();
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return hostile ? fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: hostileValue }) : valid;
}

/** Encodes a path or query value, lone surrogates included (as the bytes a client would send). */
export function encode(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? "";
  return [...text].map((ch) => (/[\ud800-\udfff]/.test(ch) ? "%ED%A0%80" : encodeURIComponent(ch))).join("");
}

