import { Worker } from "node:worker_threads";
import type { DocumentModel } from "./pdf-layout";

type Waiting = { resolve: (body: Uint8Array) => void; reject: (err: Error) => void };

let worker: Worker | null = null;
const waiting = new Map<number, Waiting>();
let nextId = 0;

function failAll(err: Error) {
  for (const w of waiting.values()) w.reject(err);
  waiting.clear();
  worker = null;
}

function renderer(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL("./pdf-render.worker.mjs", import.meta.url));
  w.unref(); // an idle renderer never keeps the process alive
  w.on("message", (m: { id: number; body?: Uint8Array; error?: string }) => {
    const pending = waiting.get(m.id);
    waiting.delete(m.id);
    if (waiting.size === 0) w.unref();
    if (m.body) pending?.resolve(m.body);
    else pending?.reject(new Error(m.error ?? "the PDF renderer failed"));
  });
  w.on("error", (err) => failAll(err));
  w.on("exit", (code) => {
    if (worker === w) failAll(new Error(`the PDF renderer exited with ${code}`));
  });
  worker = w;
  return w;
}

/**
 * Renders a document in this process's PDF thread, started on first use and kept: laying out a page
 * with an embedded Chinese font takes tens of milliseconds of CPU, which would otherwise hold up every
 * request the server's thread is answering. Documents are rendered one after another, in order.
 */
export function renderPdfOffThread(model: DocumentModel): Promise<Uint8Array> {
  const w = renderer();
  const id = nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.ref(); // an answer is awaited
    w.postMessage({ id, model });
  });
}
