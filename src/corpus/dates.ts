// Listing dates ("Jan 28", "Jan 22, 2025") to yyyy-mm-dd; a date without a year is the most
// recent such day that is not in the future, as of an injectable clock.

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Resolves a listing date. Returns null when the day does not exist (Feb 30) or, for a
 * yearless Feb 29, when no leap year lies in the last eight years.
 */
export function resolveListingDate(
  month: number,
  day: number,
  year: number | undefined,
  now: Date,
): string | null {
  if (year !== undefined) return isRealDay(year, month, day) ? isoDate(year, month, day) : null;
  const today = isoDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  for (let y = now.getUTCFullYear(); y > now.getUTCFullYear() - 8; y--) {
    if (!isRealDay(y, month, day)) continue;
    const candidate = isoDate(y, month, day);
    if (candidate <= today) return candidate;
  }
  return null;
}

const MONTH_NUMBERS = new Map(MONTHS.map((m, i) => [m.toLowerCase(), i + 1]));

export function monthNumber(name: string): number | undefined {
  return MONTH_NUMBERS.get(name.slice(0, 3).toLowerCase());
}
