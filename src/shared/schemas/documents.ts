import { z } from "zod";

/** The printable documents (文书) of an application, as the API returns them and the web app lays them out. */
export const DOCUMENT_KINDS = ["receipt", "acceptance", "supplement", "rejection", "decision"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const printableDocument = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  docNumber: z.string(),
  addressee: z.string(),
  paragraphs: z.array(z.string()),
  list: z.array(z.string()),
  issuer: z.string(),
  date: z.string(),
});
export type PrintableDocument = z.infer<typeof printableDocument>;
