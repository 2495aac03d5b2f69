import { z } from "zod";
import { int32 } from "./common";
import { ITEM_KIND_CODES, LEVEL_CODES, THEME_CODES } from "../catalogue";

export const segment = z.object({ text: z.string(), hit: z.boolean() });
export type Segment = z.infer<typeof segment>;

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1).max(50),
  type: z.enum(["item", "policy", "answer", "bundle"]).optional(),
  kind: z.enum(ITEM_KIND_CODES).optional(),
  department: z.string().regex(/^[A-Z]{2,10}$/).optional(),
  level: z.enum(LEVEL_CODES).optional(),
  audience: z.enum(["person", "enterprise"]).optional(),
  theme: z.enum(THEME_CODES).optional(),
  status: z.enum(["valid", "revised", "repealed"]).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchHit = z.object({
  type: z.enum(["item", "policy", "answer", "bundle"]),
  id: z.string(),
  title: z.array(segment),
  snippet: z.array(segment),
  score: z.number(),
  basicCode: z.string().nullable(),
  implCode: z.string().nullable(),
  orgName: z.string().nullable(),
  level: z.string().nullable(),
  kind: z.string().nullable(),
  docNumber: z.string().nullable(),
  status: z.string().nullable(),
  issuer: z.string().nullable(),
  answer: z.string().nullable(),
  /** The division the implementation serves (items only): the web app opens the one of the person's own district. */
  regionCode: z.string().nullable(),
  alsoAt: z.array(z.object({ id: z.string(), orgName: z.string(), level: z.string(), regionCode: z.string() })),
});
export type SearchHitView = z.infer<typeof searchHit>;

export const searchResponse = z.object({
  total: int32,
  hits: z.array(searchHit),
  understoodAs: z.array(z.string()),
  tookMs: z.number().describe("Milliseconds the search engine took to compute this answer; a repeated question is answered from the same computed answer while the index is unchanged."),
});
export type SearchResponse = z.infer<typeof searchResponse>;

export const browseQuery = z.strictObject({
  audience: z.enum(["person", "enterprise"]).optional(),
  theme: z.enum(THEME_CODES).optional(),
  department: z.string().regex(/^[A-Z]{2,10}$/).optional(),
  level: z.enum(LEVEL_CODES).optional(),
  kind: z.enum(ITEM_KIND_CODES).optional(),
  region: z.string().regex(/^\d{6}$/).optional(),
});

export const catalogueEntry = z.object({
  basicCode: z.string(),
  name: z.string(),
  kind: z.enum(ITEM_KIND_CODES),
  department: z.string(),
  audiences: z.array(z.string()),
  themes: z.array(z.string()),
  summary: z.string(),
  onlineDepth: z.number(),
  visits: z.number(),
  implementations: z.array(z.object({ id: z.string(), implCode: z.string(), level: z.enum(LEVEL_CODES), orgName: z.string(), regionCode: z.string(), name: z.string() })),
});
export type CatalogueEntryView = z.infer<typeof catalogueEntry>;

export const policyDetail = z.object({
  id: z.string(),
  docNumber: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  effectiveOn: z.string(),
  status: z.enum(["valid", "revised", "repealed"]),
  fullText: z.string(),
  interpretation: z.string(),
  tags: z.array(z.string()),
  replacedBy: z.object({ id: z.string(), docNumber: z.string(), title: z.string() }).nullable(),
  replaces: z.array(z.object({ id: z.string(), docNumber: z.string(), title: z.string() })),
  items: z.array(z.object({ basicCode: z.string(), name: z.string(), itemId: z.string() })),
});
export type PolicyDetailView = z.infer<typeof policyDetail>;

export const policySummary = z.object({
  id: z.string(),
  docNumber: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  status: z.enum(["valid", "revised", "repealed"]),
  tags: z.array(z.string()),
});
export type PolicySummaryView = z.infer<typeof policySummary>;
