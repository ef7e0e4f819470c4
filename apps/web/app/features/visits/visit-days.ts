import { dateTimeFormat, formatDate, type Locale } from "@vigil/i18n";

/**
 * Visits are planned in days (PostgreSQL `date`, read as UTC midnight). Formatting them in UTC keeps
 * 12 June on 12 June in every time zone.
 */
export function formatDay(locale: Locale, day: Date | string, style: "medium" | "long" | "full" = "medium"): string {
  return formatDate(locale, day, style, "UTC");
}

/** "12 Jun 2014" or "3 Nov 2014 – 5 Nov 2014". */
export function formatDayRange(locale: Locale, start: Date | string, end: Date | string, style: "medium" | "long" | "full" = "medium"): string {
  const from = formatDay(locale, start, style);
  const to = formatDay(locale, end, style);
  return from === to ? from : `${from} – ${to}`;
}

/** "YYYY-MM-DD" for a date input's value. */
export function dayValue(day: Date | string): string {
  return new Date(day).toISOString().slice(0, 10);
}

export function monthName(locale: Locale, year: number, month: number): string {
  return dateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 1)));
}
