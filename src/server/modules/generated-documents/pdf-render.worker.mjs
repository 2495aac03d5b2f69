// Lays PDFs out off the server's thread (see pdf-render-thread.ts). Plain JavaScript that registers tsx
// itself, so that it runs the TypeScript sources wherever the server does.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { renderPdf } = await import("./pdf-layout.ts");
parentPort.on("message", async ({ id, model }) => {
  try {
    parentPort.postMessage({ id, body: await renderPdf(model) });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
