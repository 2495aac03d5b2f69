/**
 * Freezes an answer, all the way down, before a cache hands it to many requests: none of them can
 * change what the others receive, and a route with `sharedAnswers` can keep its JSON.
 */
export function sharedAnswer<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) sharedAnswer(v);
  }
  return value;
}
