/** The text of a PDF, page by page (pdf.js reads it back through the fonts' ToUnicode maps), for tests and the ease report. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; text: string; title: string | null }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  const info = (await doc.getMetadata()).info as { Title?: string };
  await doc.destroy();
  return { pages, text: pages.join("\n"), title: info.Title ?? null };
}
