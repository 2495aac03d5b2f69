/**
 * Every date and time is shown and counted in China Standard Time (Asia/Shanghai: UTC+8, with no
 * daylight saving since 1991), whatever the zone of the server or the browser. One formatter for
 * every page, document and message; instants travel as ISO strings in UTC.
 */
export const CHINA_TIME_ZONE = "Asia/Shanghai";
const OFFSET_MS = 8 * 3600_000;

type Instant = string | number | Date;

/** The instant's wall-clock reading in China as "YYYY-MM-DDTHH:mm:ss", or null for an invalid instant. */
function wallClock(instant: Instant): string | null {
  // A plain date ("2026-12-06") already is a Chinese calendar date: it is not shifted.
  if (typeof instant === "string" && /^\d{4}-\d{2}-\d{2}$/.test(instant)) return `${instant}T00:00:00`;
  const t = instant instanceof Date ? instant.getTime() : typeof instant === "number" ? instant : Date.parse(instant);
  if (Number.isNaN(t)) return null;
  return new Date(t + OFFSET_MS).toISOString().slice(0, 19);
}

/** "2026-12-06": the date in China of an instant. */
export function chinaDate(instant: Instant): string {
  return wallClock(instant)?.slice(0, 10) ?? "";
}

/** "2026-12-06 07:41" (or with seconds): the date and time in China of an instant. */
export function chinaDateTime(instant: Instant, options: { seconds?: boolean } = {}): string {
  const w = wallClock(instant);
  return w ? `${w.slice(0, 10)} ${w.slice(11, options.seconds ? 19 : 16)}` : "";
}

/** "07:41": the time of day in China of an instant. */
export function chinaTime(instant: Instant): string {
  return wallClock(instant)?.slice(11, 16) ?? "";
}

/** Today's date in China. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDate(now);
}
