/** The audit log's filters, as they travel in the page's query string (a GET form). */
export type AuditFilter = { actorId?: string; action?: string; targetType?: string; from?: string; to?: string };

const KEYS = ["actorId", "action", "targetType", "from", "to"] as const;

export function auditFilterFromUrl(url: URL): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of KEYS) {
    const value = url.searchParams.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

export function auditFilterQuery(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filter[key]) params.set(key, filter[key]);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
