import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { samplePdf, samplePng } from "../../testing/sample-files";
import { cleanFileName, inspectContent } from "./file-inspection";

async function pdfWithJavaScript(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  doc.addJavaScript("main", "app.alert('hi')");
  return Buffer.from(await doc.save()); // object streams by default: the script's dictionary is compressed
}

const handWritten = (body: string) => Buffer.from(`%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R ${body}>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n`, "latin1");

describe("upload content inspection", () => {
  it("passes plain images and documents", async () => {
    expect(await inspectContent(samplePng(), "image/png")).toBeNull();
    expect(await inspectContent(samplePdf(), "application/pdf")).toBeNull();
    const doc = await PDFDocument.create();
    doc.addPage().drawText("Haoban");
    expect(await inspectContent(Buffer.from(await doc.save()), "application/pdf")).toBeNull();
  });

  it("refuses PDFs with JavaScript (even inside compressed object streams), launch actions, embedded files, or escaped names", async () => {
    expect(await inspectContent(await pdfWithJavaScript(), "application/pdf")).toBe("FILE_ACTIVE_CONTENT");
    expect(await inspectContent(handWritten("/OpenAction <</S /Launch /F (cmd.exe)>>"), "application/pdf")).toBe("FILE_ACTIVE_CONTENT");
    expect(await inspectContent(handWritten("/OpenAction <</S /J#61vaScript /J#53 (app.alert(1))>>"), "application/pdf")).toBe("FILE_ACTIVE_CONTENT");
    expect(await inspectContent(handWritten("/Names <</EmbeddedFiles 3 0 R>>"), "application/pdf")).toBe("FILE_ACTIVE_CONTENT");
  });

  it("refuses files that are two formats at once", async () => {
    const html = Buffer.from("<html><script>alert(document.cookie)</script></html>", "latin1");
    expect(await inspectContent(Buffer.concat([samplePng(), html]), "image/png")).toBe("FILE_POLYGLOT");
    // Markup hidden in a chunk before the end.
    const png = samplePng();
    const iend = png.length - 12;
    const text = Buffer.concat([Buffer.from([0, 0, 0, html.length]), Buffer.from("tEXt", "latin1"), html, Buffer.alloc(4)]);
    expect(await inspectContent(Buffer.concat([png.subarray(0, iend), text, png.subarray(iend)]), "image/png")).toBe("FILE_POLYGLOT");
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32), Buffer.from([0xff, 0xd9]), Buffer.from("PK\u0003\u0004archive", "latin1")]);
    expect(await inspectContent(jpeg, "image/jpeg")).toBe("FILE_POLYGLOT");
    expect(await inspectContent(Buffer.concat([samplePdf(), Buffer.from("\n<html><body>page</body></html>", "latin1")]), "application/pdf")).toBe("FILE_POLYGLOT");
    expect(await inspectContent(Buffer.from("%PDF-1.4 garbage that is no PDF", "latin1"), "application/pdf")).toBe("FILE_UNREADABLE");
  });

  it("cleans names of control and bidirectional characters and ends them in the real type", () => {
    expect(cleanFileName("\u202egnp.exe", "png")).toBe("gnp.exe.png");
    expect(cleanFileName("a\u0000b\u200f\u2066c.pdf", "pdf")).toBe("abc.pdf");
    expect(cleanFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(cleanFileName("照片.JPEG", "jpg")).toBe("照片.JPEG");
    expect(cleanFileName("\u202e\u202e", "png")).toBe("材料.png");
    expect(cleanFileName("x".repeat(500), null)).toHaveLength(200);
  });
});
