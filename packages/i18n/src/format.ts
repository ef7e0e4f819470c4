import { INTL_LOCALE, type Locale } from "./locales.ts";

export function formatDate(locale: Locale, date: Date | string, style: "medium" | "long" = "medium"): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: style }).format(new Date(date));
}

export function formatDateTime(locale: Locale, date: Date | string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", timeStyle: "short" }).format(new Date(date));
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
}
