import type { GeneratedDocumentService } from "../modules/generated-documents";
import { startPollingWorker } from "./polling-worker";

/**
 * The documents worker: renders, seals and keeps the generated documents (系统生成材料) that submissions
 * owe, every `intervalMs` until none is left. Several processes may run it at once (a document is kept
 * once, by whichever finishes first); a reader who comes first renders it on the spot. Failures are
 * logged and retried next round.
 */
export function startDocumentWorker(documents: Pick<GeneratedDocumentService, "renderDue">, intervalMs: number, log: (err: unknown) => void): () => Promise<void> {
  return startPollingWorker(
    async () => {
      while ((await documents.renderDue()) > 0);
    },
    intervalMs,
    log,
  );
}
