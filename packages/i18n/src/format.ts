import { INTL_LOCALE, type Locale } from "./locales.ts";

type DateStyle = "medium" | "long" | "full";

/**
 * Building an Intl formatter costs about 300 µs here, formatting with a built one about 3 µs: a place
 * page formats hundreds of dates, so a page that built one per date spent most of its render time
 * doing it (issue 15). Formatters are immutable, and the keys are few (four locales × a handful of
 * styles), so they are kept for the life of the process.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(INTL_LOCALE[locale], options)));
  return format;
}

export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(INTL_LOCALE[locale], options)));
  return format;
}

/**
 * Serbian names the month in the genitive after a day ("2. децембра 2026."), but the ICU data that
 * Node and Chromium ship (CLDR 48) gives the nominative ("2. децембар"). The month part Intl returns
 * is swapped for its genitive; a runtime whose data already has the genitive matches nothing here.
 */
const SERBIAN_GENITIVE: Record<string, string> = Object.fromEntries(
  [
    ["јануар", "јануара"], ["фебруар", "фебруара"], ["март", "марта"], ["април", "априла"], ["мај", "маја"], ["јун", "јуна"],
    ["јул", "јула"], ["август", "августа"], ["септембар", "септембра"], ["октобар", "октобра"], ["новембар", "новембра"], ["децембар", "децембра"],
    ["januar", "januara"], ["februar", "februara"], ["mart", "marta"], ["april", "aprila"], ["maj", "maja"], ["jun", "juna"],
    ["jul", "jula"], ["avgust", "avgusta"], ["septembar", "septembra"], ["oktobar", "oktobra"], ["novembar", "novembra"], ["decembar", "decembra"],
  ],
);

/**
 * A date as the reader's language writes it. Dates are always formatted here, with Intl, and no
 * string appends punctuation after one: Serbian and Ukrainian dates end in their own full stop
 * ("12. 6. 2014.", "9 грудня 2026 р."). `timeZone: "UTC"` keeps calendar days (stored as UTC
 * midnight) on the same day everywhere.
 */
export function formatDate(locale: Locale, date: Date | string, style: DateStyle = "medium", timeZone?: string): string {
  const format = dateTimeFormat(locale, { dateStyle: style, ...(timeZone ? { timeZone } : {}) });
  if (style === "medium" || (locale !== "sr-Cyrl" && locale !== "sr-Latn")) return format.format(new Date(date));
  return format
    .formatToParts(new Date(date))
    .map((part) => (part.type === "month" ? (SERBIAN_GENITIVE[part.value] ?? part.value) : part.value))
    .join("");
}

export function formatDateTime(locale: Locale, date: Date | string): string {
  return dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(date));
}

export function formatNumber(locale: Locale, value: number): string {
  return numberFormat(locale).format(value);
}
