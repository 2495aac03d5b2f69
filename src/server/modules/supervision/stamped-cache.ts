/**
 * Results computed from the rollups, kept until the rollups change: each entry remembers the stamp of
 * the data it was computed from (when the rollup was last refreshed, …), and a request with another stamp
 * computes afresh. Requests arriving while a result is being computed share that computation. Each
 * process keeps its own; the stamp is read from the database, so every process answers as of the same data.
 */
export class StampedCache<V> {
  private readonly entries = new Map<string, { stamp: string; value: Promise<V> }>();

  constructor(private readonly max = 200) {}

  get(key: string, stamp: string, compute: () => Promise<V>): Promise<V> {
    const kept = this.entries.get(key);
    if (kept && kept.stamp === stamp) return kept.value;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { stamp, value });
    // A failed computation is not kept.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
