import { Worker } from "node:worker_threads";
import { computeIndexState, type IndexedText, type IndexState } from "./search-index";

/** From this many documents on, the index is computed in a worker thread (below, starting one costs more than it saves). */
export const WORKER_THRESHOLD = 1000;

/**
 * Computes the index state for `docs`: on the calling thread for a small catalogue, in a worker thread
 * for a large one, so that a rebuild (seconds of CPU at 10,000 items) never stops the server's thread
 * from answering other requests. The worker receives only the text it indexes and sends back plain data.
 */
export async function buildIndexState(docs: IndexedText[], synonyms: Map<string, string[]>, threshold = WORKER_THRESHOLD): Promise<IndexState> {
  if (docs.length < threshold) return computeIndexState(docs, synonyms);
  const text = docs.map((d) => ({ title: d.title, keywords: d.keywords, body: d.body, popularity: d.popularity }));
  return new Promise<IndexState>((resolve, reject) => {
    const worker = new Worker(new URL("./index-builder.worker.mjs", import.meta.url), { workerData: { docs: text, synonyms: [...synonyms] } });
    worker.once("message", (state: IndexState) => {
      resolve(state);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`search index worker exited with ${code}`));
    });
  });
}
