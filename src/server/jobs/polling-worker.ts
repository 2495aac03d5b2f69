/**
 * A worker that runs `round` every `intervalMs`, never two rounds at once in a process; a failed round is
 * logged and the next one tries again. Stopping waits for the round under way.
 */
export function startPollingWorker(round: () => Promise<void>, intervalMs: number, log: (err: unknown) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = round()
      .catch(log)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
