/**
 * The implementation of a place, if it has one: the one whose division is the place's own, else the
 * one that contains it (its district), else one inside it or beside it in the same district (a street of
 * its district). Division codes nest: 310104 is a district, 310104001 one of its streets. City-wide
 * implementations are nobody's own place.
 */
export function placeFor<T extends { regionCode: string | null; level?: string }>(options: T[], place: string | null): T | undefined {
  if (!place) return undefined;
  const score = (code: string) => (code === place ? 4 : place.startsWith(code) ? 3 : code.startsWith(place) ? 2 : code.slice(0, 6) === place.slice(0, 6) ? 1 : 0);
  let best: T | undefined;
  let bestScore = 0;
  for (const o of options) {
    if (!o.regionCode || o.level === "city") continue;
    const s = score(o.regionCode);
    if (s > bestScore) [best, bestScore] = [o, s];
  }
  return best;
}

/** The implementation to open for a place: its own (placeFor), else the city-wide one, else the first. */
export function pickPlace<T extends { regionCode: string | null; level?: string }>(options: T[], place: string | null): T | undefined {
  return placeFor(options, place) ?? options.find((o) => o.level === "city") ?? options[0];
}
