import { slugSchema } from "@vigil/api";
import { data } from "react-router";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a route's params at the edge, by their names in routes.ts: `slug` must be a workspace slug
 * and every `…Id` a UUID. A URL whose params cannot name anything is a page that does not exist, so
 * it is a 404, decided here before any procedure runs (docs/decisions/0136). Other params (links'
 * tokens, export file names) are checked by the route that reads them.
 */
export function assertRouteParams(params: Readonly<Record<string, string | undefined>>): void {
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const valid = name === "slug" ? slugSchema.safeParse(value).success : name.endsWith("Id") ? UUID.test(value) : true;
    if (!valid) throw data(null, { status: 404 });
  }
}
