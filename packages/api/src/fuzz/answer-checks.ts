/**
 * What must never reach a client: a stack frame ("at fn (file.ts:1:2)"), an error's class and message
 * ("TypeError: ..."), a path into the source or node_modules, or a raw database error.
 * Returns the offending excerpt, or null.
 */
export function leakedInternals(body: string): string | null {
  for (const pattern of LEAKS) {
    const match = pattern.exec(body);
    if (match) return body.slice(Math.max(0, match.index - 40), match.index + match[0].length + 80);
  }
  return null;
}

const LEAKS: readonly RegExp[] = [
  /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/|\/|node:)[^)\s]*:\d+:\d+/,
  /\b(?:Type|Reference|Range|Syntax|Prisma\w*|Postgres|Database)Error\b:?/,
  /\bnode_modules\//,
  /\/(?:src|app|server|build)\/[\w./-]+\.(?:ts|tsx|js|mjs):\d+/,
  /\bInvalid `(?:prisma|tx)\.[\w.]+\(\)` invocation/,
  /\b(?:ERROR|error): +(?:invalid input syntax|invalid byte sequence|value too long|out of range|duplicate key|null value in column)/,
  /"stack"\s*:/,
];
