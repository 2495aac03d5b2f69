import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import subsetFont from "subset-font";

/** A document to lay out: a title, blocks in order, and a line printed at the foot of every page. */
export interface DocumentModel {
  title: string;
  subtitle?: string;
  blocks: Block[];
  footer: string;
  /** Written into the PDF's metadata (who it is for, what it was made from). */
  meta: { subject: string; author: string; createdAt: Date; keywords: string[] };
}

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "fields"; rows: Array<[label: string, value: string]> }
  | { kind: "table"; head: string[]; rows: string[][] }
  | { kind: "signatures"; lines: string[] };

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const INK = rgb(0.1, 0.1, 0.1);
const RULE = rgb(0.55, 0.55, 0.55);

let fontBytes: Buffer | null = null;
/** Noto Sans SC (SIL Open Font License), the whole font (10 MB): only a subset is ever embedded. */
function chineseFont(): Buffer {
  if (!fontBytes) {
    const require = createRequire(import.meta.url);
    fontBytes = readFileSync(require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"));
  }
  return fontBytes;
}

/** Every character the document prints (the page numbers' too), to cut the font's subset. */
function charactersOf(model: DocumentModel): string {
  const texts = [model.title, model.subtitle ?? "", model.footer, "第页共 0123456789—"];
  for (const b of model.blocks) {
    if (b.kind === "heading" || b.kind === "paragraph") texts.push(b.text);
    else if (b.kind === "fields") texts.push(...b.rows.flat());
    else if (b.kind === "table") texts.push(...b.head, ...b.rows.flat());
    else texts.push(...b.lines);
  }
  return [...new Set(texts.join(""))].join("");
}

/** Splits text into lines no wider than `width` (any character may end a line, as Chinese text does). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const ch of paragraph) {
      if (line && font.widthOfTextAtSize(line + ch, size) > width) {
        lines.push(line);
        line = "";
      }
      line += ch;
    }
    lines.push(line);
  }
  return lines;
}

/** Lays a document out on A4 pages with a Chinese font embedded; returns the PDF's bytes. */
export async function renderPdf(model: DocumentModel): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // The subset of the characters this document uses, cut by HarfBuzz (a few KB; fontkit's own subsetting
  // drops CJK glyphs of this font), embedded as it is.
  const font = await doc.embedFont(await subsetFont(chineseFont(), charactersOf(model), { targetFormat: "truetype" }), { subset: false });
  doc.setTitle(model.title);
  doc.setSubject(model.meta.subject);
  doc.setAuthor(model.meta.author);
  doc.setCreator("Haoban 好办");
  doc.setProducer("Haoban 好办 (pdf-lib)");
  doc.setKeywords(model.meta.keywords);
  doc.setCreationDate(model.meta.createdAt);
  doc.setModificationDate(model.meta.createdAt);
  doc.setLanguage("zh-CN");

  const width = PAGE.width - 2 * PAGE.margin;
  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const room = (needed: number) => {
    if (y - needed < PAGE.margin + 24) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - PAGE.margin;
    }
  };
  const text = (s: string, x: number, size: number) => page.drawText(s, { x, y: y - size, size, font, color: INK });
  const centred = (s: string, size: number) => {
    room(size + 8);
    text(s, (PAGE.width - font.widthOfTextAtSize(s, size)) / 2, size);
    y -= size + 8;
  };

  centred(model.title, 18);
  if (model.subtitle) centred(model.subtitle, 10);
  y -= 10;

  for (const block of model.blocks) {
    if (block.kind === "heading") {
      y -= 6;
      room(20);
      text(block.text, PAGE.margin, 12.5);
      y -= 20;
    } else if (block.kind === "paragraph") {
      for (const line of wrap(block.text, font, 11, width)) {
        room(18);
        text(line, PAGE.margin, 11);
        y -= 18;
      }
      y -= 4;
    } else if (block.kind === "fields") {
      drawGrid([160, width - 160], block.rows.map(([l, v]) => [l, v || "—"]));
    } else if (block.kind === "table") {
      const cols = block.head.length;
      drawGrid(Array.from({ length: cols }, () => width / cols), [block.head, ...block.rows]);
    } else {
      y -= 12;
      for (const line of block.lines) {
        room(26);
        text(line, PAGE.margin, 11);
        y -= 26;
      }
    }
  }

  /** A ruled grid: each row as tall as its longest cell. */
  function drawGrid(widths: number[], rows: string[][]) {
    const size = 10.5;
    const lineHeight = 16;
    for (const row of rows) {
      const cells = row.map((cell, i) => wrap(cell, font, size, widths[i]! - 10));
      const height = Math.max(...cells.map((c) => c.length)) * lineHeight + 8;
      room(height);
      let x = PAGE.margin;
      cells.forEach((lines, i) => {
        page.drawRectangle({ x, y: y - height, width: widths[i]!, height, borderColor: RULE, borderWidth: 0.6 });
        lines.forEach((line, j) => page.drawText(line, { x: x + 5, y: y - 4 - (j + 1) * lineHeight + 4, size, font, color: INK }));
        x += widths[i]!;
      });
      y -= height;
    }
    y -= 10;
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const foot = `${model.footer}    第 ${i + 1} 页 共 ${pages.length} 页`;
    p.drawText(foot, { x: PAGE.margin, y: PAGE.margin - 20, size: 8, font, color: RULE });
  });
  return doc.save();
}
