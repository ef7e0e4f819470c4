import { fail } from "../errors.ts";

/**
 * Keyset pagination over (name, id): the cursor is the last row of the previous page, so a page is
 * found by the index without counting past rows, and rows added meanwhile never shift a page.
 */
export type NameCursor = { name: string; id: string };

export function encodeCursor(cursor: NameCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(text: string): NameCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string" && /^[0-9a-f-]{36}$/.test(value[1])) {
      return { name: value[0], id: value[1] };
    }
  } catch {
    // Fall through: a malformed cursor is a bad request, not a server error.
  }
  fail("BAD_REQUEST", "errors.badRequest", {}, "cursor");
}

/** The Prisma condition for "after the cursor" in (name, id) order. */
export function afterCursor(cursor: NameCursor) {
  return { OR: [{ name: { gt: cursor.name } }, { name: cursor.name, id: { gt: cursor.id } }] };
}
