import fc from "fast-check";

/**
 * Strings that have broken real servers: NUL (PostgreSQL refuses it in text, 22021), bidi overrides,
 * lone surrogates, SQL and LIKE metacharacters, path traversal, header-ish CRLF, format strings,
 * prototype keys, and what a date or cursor parser might choke on. Every one is a legal JSON string.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u202Eevil\u202C",
  "\u200B\u200D\uFEFF",
  "\uD800",
  "\uDFFF\uD800",
  "𝕍𝕚𝕘𝕚𝕝 👩🏽‍⚖️",
  "Ђорђе Љубичић",
  "'; DROP TABLE visits; --",
  "%_\\",
  "\\x00",
  "../../../../etc/passwd",
  "line\r\nSet-Cookie: x=1",
  "%s%n%x",
  "${process.exit()}",
  "__proto__",
  "constructor",
  "null",
  "NaN",
  "-0",
  "1e309",
  "2026-13-45",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31T23:59:59.999Z",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  ";env;",
  "=cmd|' /C calc'!A0",
  "<script>alert(1)</script>",
];

/** Numbers at the edges of JavaScript, PostgreSQL int4/int8 and JSON. */
export const HOSTILE_NUMBERS: readonly number[] = [
  0, -0, -1, 1, 0.5, -0.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1e308, -1e308, Number.MIN_VALUE,
];

/** A string of `length` characters that look harmless, for length boundaries. */
export function filler(length: number, unit = "a"): string {
  return unit.repeat(Math.max(0, length));
}

/** Any JSON value of the wrong kind, including very large and deeply nested ones. */
export function hostileJson(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { "": null }, "[]", "{}") },
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom(filler(100_000), filler(20_000, "\u0000"), filler(10_000, "𝕍")) },
    { weight: 1, arbitrary: fc.constant(deeplyNested(200)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

function deeplyNested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { nested: value };
  return value;
}
