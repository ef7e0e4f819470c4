/** A date-only value ("2026-07-01") from a Date at UTC midnight, as the database stores follow-up dates. */
export function isoDay(value: Date | string): string {
  return new Date(value).toISOString().slice(0, 10);
}

/** Noon UTC of that day: formats as the same calendar day in every time zone, on server and browser alike. */
export function displayableDay(value: Date | string): string {
  return `${isoDay(value)}T12:00:00Z`;
}
