import { PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFObject } from "pdf-lib";

/**
 * What an upload's content may not hide, beyond its magic bytes agreeing with its type:
 * - a PDF with active content: JavaScript, launch actions, embedded files, rich media (looked for in
 *   every object pdf-lib parses, object streams included, so name escapes and compression hide nothing);
 * - a file that is two formats at once (a PNG that is also a web page, say): markup or another format's
 *   signature inside, or bytes after a PNG's end.
 */
export type InspectionProblem = "FILE_ACTIVE_CONTENT" | "FILE_POLYGLOT" | "FILE_UNREADABLE";

/** PDF dictionary keys and action types that run or carry something. */
const ACTIVE_PDF_NAMES = new Set(["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "ImportData", "SubmitForm", "GoToE"]);

/** Markup and other formats' signatures that have no place inside an image. */
const FOREIGN_MARKERS = ["<html", "<script", "<svg", "<!doctype", "<?php", "<iframe", "<body", "%pdf-", "pk\u0003\u0004", "mz\u0090\u0000"];

function containsMarker(bytes: Buffer, markers: string[] = FOREIGN_MARKERS): boolean {
  // latin1 keeps one character per byte, so a marker's bytes are found wherever they are.
  const text = bytes.toString("latin1").toLowerCase();
  return markers.some((m) => text.includes(m));
}

/** A PNG ends with its IEND chunk (and its 4-byte CRC): anything after it is a second file. */
function pngTrailer(bytes: Buffer): boolean {
  const iend = bytes.lastIndexOf("IEND", bytes.length - 1, "latin1");
  return iend < 0 || iend + 4 + 4 !== bytes.length;
}

function pdfNamesIn(obj: PDFObject | undefined, seen: Set<PDFObject>, found: (name: string) => void) {
  if (!obj || seen.has(obj)) return;
  seen.add(obj);
  if (obj instanceof PDFName) return void found(obj.decodeText());
  const dict = obj instanceof PDFDict ? obj : obj instanceof PDFRawStream ? obj.dict : null;
  if (dict) {
    for (const [key, value] of dict.entries()) {
      found(key.decodeText());
      pdfNamesIn(value, seen, found);
    }
    return;
  }
  const array = (obj as { asArray?: () => PDFObject[] }).asArray?.();
  if (array) for (const item of array) pdfNamesIn(item, seen, found);
}

async function inspectPdf(bytes: Buffer): Promise<InspectionProblem | null> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return "FILE_UNREADABLE";
  }
  // A document with no catalogue is no PDF a reader can open.
  if (!doc.context.trailerInfo.Root || doc.context.enumerateIndirectObjects().length === 0) return "FILE_UNREADABLE";
  let active = false;
  const seen = new Set<PDFObject>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    pdfNamesIn(obj, seen, (name) => {
      if (ACTIVE_PDF_NAMES.has(name)) active = true;
    });
    if (active) return "FILE_ACTIVE_CONTENT";
  }
  pdfNamesIn(doc.context.trailerInfo.Root, seen, (name) => {
    if (ACTIVE_PDF_NAMES.has(name)) active = true;
  });
  if (active) return "FILE_ACTIVE_CONTENT";
  // Markup or another format outside the PDF's streams (a PDF that is also a web page or an archive).
  const outsideStreams = Buffer.from(bytes.toString("latin1").replace(/stream\r?\n[\s\S]*?endstream/g, ""), "latin1");
  if (containsMarker(outsideStreams, FOREIGN_MARKERS.filter((m) => m !== "%pdf-"))) return "FILE_POLYGLOT";
  return null;
}

/** The problem with an upload's content, or null when it is a plain image or document of its type. */
export async function inspectContent(bytes: Buffer, mime: string): Promise<InspectionProblem | null> {
  if (mime === "application/pdf") return inspectPdf(bytes);
  if (mime === "image/png") return pngTrailer(bytes) || containsMarker(bytes) ? "FILE_POLYGLOT" : null;
  if (mime === "image/jpeg") return containsMarker(bytes) ? "FILE_POLYGLOT" : null;
  return null;
}

/**
 * A file name as the platform shows and stores it: the last path segment, without control and
 * bidirectional formatting characters (U+202E would show "‮gnp.exe" as "exe.png"), at most 200
 * characters, ending in an extension of its real type.
 */
export function cleanFileName(raw: string, ext: string | null): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  // Cc controls, and the Cf formatting characters that reorder or hide text.
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are what a file name must lose
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g, "")
    .trim()
    .slice(0, 200);
  const name = cleaned || "材料";
  if (!ext) return name;
  const extensions = ext === "jpg" ? ["jpg", "jpeg"] : [ext];
  return extensions.some((e) => name.toLowerCase().endsWith(`.${e}`)) ? name : `${name}.${ext}`;
}
