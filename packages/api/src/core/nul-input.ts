import { containsNul } from "./schemas.ts";

/**
 * True when any string in a procedure's raw input (or any key of its objects) holds a NUL.
 * PostgreSQL refuses NUL in text (22021), so such input can never be stored or searched for: it is
 * refused for every procedure in one place instead of field by field (docs/decisions/0135). Streams,
 * files and other non-plain values are not walked; their own parsers check them.
 */
export function inputHasNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return containsNul(value);
  // Inputs are shallow; the bound only stops a pathological nesting from walking forever.
  if (depth > 32 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((item) => inputHasNul(item, depth + 1));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.entries(value).some(([key, item]) => containsNul(key) || inputHasNul(item, depth + 1));
}
