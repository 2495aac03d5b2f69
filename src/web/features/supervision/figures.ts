/** A share 0–1 as a percentage with one decimal, or — without a denominator. */
export const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 1000) / 10}%`);
