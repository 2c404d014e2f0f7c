/**
 * Calendar dates ("2027-06-12", a day with no time of its own: a check-in, a travel date) in the
 * app's words: en-GB like every other figure, read in UTC so the day never shifts with the
 * reader's time zone. One place, so a customer's page and an agent's read a date the same way.
 */
const parts = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

const DAY_MS = 86_400_000;

interface Day {
  weekday: string;
  day: string;
  month: string;
  year: string;
  ms: number;
}

/** A "YYYY-MM-DD" day, or null for anything else (a date with a time, a day that does not exist). */
function readDay(iso: unknown): Day | null {
  if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  // 2027-02-30 would roll over to 2 March: a day that does not exist is not shown as another one.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return null;
  const found = parts.formatToParts(date);
  const of = (type: Intl.DateTimeFormatPartTypes) => found.find((p) => p.type === type)?.value ?? "";
  return { weekday: of("weekday"), day: of("day"), month: of("month"), year: of("year"), ms: date.getTime() };
}

const dayMonth = (d: Day) => `${d.weekday} ${d.day} ${d.month}`;

/** "Sat 12 June 2027"; what was given, unchanged, when it is not a day. */
export function formatCalendarDay(iso: string): string {
  const d = readDay(iso);
  return d ? `${dayMonth(d)} ${d.year}` : iso;
}

/**
 * A stay with its year and its nights: "Sat 12 June – Sat 19 June 2027, 7 nights", the year on
 * both ends when it changes ("Mon 28 December 2026 – Sun 3 January 2027, 6 nights"). A stay
 * without its end is its first day; values that are not days are shown as they came.
 */
export function formatStay(from: string, to: string | null): string {
  const a = readDay(from);
  const b = to ? readDay(to) : null;
  if (!a) return to ? `${from} – ${to}` : from;
  if (!to) return formatCalendarDay(from);
  if (!b) return `${formatCalendarDay(from)} – ${to}`;
  const nights = Math.round((b.ms - a.ms) / DAY_MS);
  const range = a.year === b.year ? `${dayMonth(a)} – ${dayMonth(b)} ${b.year}` : `${dayMonth(a)} ${a.year} – ${dayMonth(b)} ${b.year}`;
  return nights > 0 ? `${range}, ${nights} night${nights === 1 ? "" : "s"}` : range;
}
