// Computes a search index's state off the server's thread (see index-builder.ts). Plain JavaScript
// that registers tsx itself, so that it runs the TypeScript sources wherever the server does.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { computeIndexState, transferables } = await import("./search-index.ts");
const state = computeIndexState(workerData.docs, new Map(workerData.synonyms));
// The packed postings are handed over, not copied.
parentPort.postMessage(state, transferables(state));
