import { numberFormat, type Locale } from "@vigil/i18n";

/**
 * A rate from 0 to 1 as a whole percentage in the reader's locale; none when nothing was sent.
 * Plain counts need nothing here: formatNumber from @vigil/i18n already formats them.
 */
export function formatRate(locale: Locale, rate: number | null, none: string): string {
  return rate === null ? none : numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(rate);
}
