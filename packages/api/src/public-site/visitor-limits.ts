import { consumeAttempts } from "@vigil/auth";
import { acceptedLocales, isLocale, type Locale } from "@vigil/i18n";

/**
 * A visitor's page that is not in the cache costs database reads: each address may ask for so many
 * a minute, through the project's rate limiter (docs/decisions/0203). Pages served from the cache
 * cost no reads and are not counted.
 */
const PUBLIC_READS = { limit: 240, windowMs: 60_000 };

/** null when the address may read; otherwise the time its next read is allowed. */
export async function reservePublicRead(ipAddress: string | null): Promise<Date | null> {
  if (!ipAddress) return null;
  const attempt = await consumeAttempts([{ bucket: `public-site:ip:${ipAddress}`, rule: PUBLIC_READS }]);
  return attempt.allowed ? null : attempt.retryAt;
}

/**
 * The language of a visitor's page, among the site's: the one the link asks for (`?lang=`), else the
 * first the browser accepts, else the site's first.
 */
export function siteLanguage(available: readonly Locale[], requested: string | null, acceptLanguage: string | null): Locale {
  if (isLocale(requested) && available.includes(requested)) return requested;
  return acceptedLocales(acceptLanguage).find((locale) => available.includes(locale)) ?? available[0] ?? "en";
}
