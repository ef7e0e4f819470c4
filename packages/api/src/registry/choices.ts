import { AuthorityKind, PlaceType } from "@vigil/db/enums";

/**
 * The registry's fixed choices, for the forms and filters in the browser. Kept apart from inputs.ts
 * so that a page listing place types does not download zod and every schema (issue 15, goal 3).
 */

/** The kinds of places of deprivation of liberty (OPCAT art. 4), as the database names them. */
export const PLACE_TYPES = Object.values(PlaceType);

export const AUTHORITY_KINDS = Object.values(AuthorityKind);

export const ARCHIVE_FILTERS = ["active", "archived", "all"] as const;
