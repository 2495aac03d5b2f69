/**
 * The implementation for a place: the one whose division is the place's own, else the one that contains
 * it (its district), else one inside it or beside it in the same district (a street of its district),
 * else the city-wide one, else the first. Division codes nest: 310104 is a district, 310104001 one of
 * its streets.
 */
export function pickPlace<T extends { regionCode: string | null; level?: string }>(options: T[], place: string | null): T | undefined {
  if (place) {
    const score = (code: string) => (code === place ? 4 : place.startsWith(code) ? 3 : code.startsWith(place) ? 2 : code.slice(0, 6) === place.slice(0, 6) ? 1 : 0);
    let best: T | undefined;
    let bestScore = 0;
    for (const o of options) {
      if (!o.regionCode || o.level === "city") continue;
      const s = score(o.regionCode);
      if (s > bestScore) [best, bestScore] = [o, s];
    }
    if (best) return best;
  }
  return options.find((o) => o.level === "city") ?? options[0];
}
