import { z } from "zod";
import { cursorName, keysetCursor } from "../core/keyset-cursor.ts";

/**
 * Keyset pagination over (name, id): the cursor is the last row of the previous page, so a page is
 * found by the index without counting past rows, and rows added meanwhile never shift a page.
 */
export type NameCursor = { name: string; id: string };

const codec = keysetCursor(z.tuple([cursorName, z.uuid()]));

export function encodeCursor(cursor: NameCursor): string {
  return codec.encode([cursor.name, cursor.id]);
}

/** A malformed cursor is a bad request, not a server error. */
export function decodeCursor(text: string): NameCursor {
  const [name, id] = codec.decode(text);
  return { name, id };
}

/** The Prisma condition for "after the cursor" in (name, id) order. */
export function afterCursor(cursor: NameCursor) {
  return { OR: [{ name: { gt: cursor.name } }, { name: cursor.name, id: { gt: cursor.id } }] };
}
