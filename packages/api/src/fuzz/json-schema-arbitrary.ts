import fc from "fast-check";
import { filler, HOSTILE_NUMBERS, HOSTILE_STRINGS, hostileJson } from "./hostile-values.ts";

/** The part of JSON Schema (draft 2020-12, as `z.toJSONSchema` writes it) the fuzzer reads. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** Real values to aim at: the victim's slug and row ids, so calls reach the checks behind the parser. */
export type FuzzTargets = { slugs: readonly string[]; uuids: readonly string[]; emails: readonly string[] };

/**
 * "valid": every leaf satisfies its schema (but may still be hostile inside it: NUL, bidi, the
 * largest allowed number), so the call reaches the procedure's own code. "mutated": any leaf may
 * be replaced by a value of the wrong kind or just outside its bounds.
 */
type Mode = "valid" | "mutated";

type Walk = { targets: FuzzTargets; root: JsonSchema; mode: Mode; depth: number };

const MAX_DEPTH = 6;
const MAX_INPUT_CHARACTERS = 512 * 1024;

/** Inputs for one procedure: mostly valid shapes (to get past zod), some mutated, some plain garbage. */
export function inputArbitrary(schema: JsonSchema | null, targets: FuzzTargets): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostileJson() });
  const walk = (mode: Mode): Walk => ({ targets, root: schema, mode, depth: 0 });
  return fc.oneof(
    { weight: 4, arbitrary: fromSchema(schema, walk("valid")) },
    { weight: 4, arbitrary: fromSchema(schema, walk("mutated")) },
    { weight: 1, arbitrary: hostileJson() },
    // Body-size limits are the HTTP layer's; here a call's input stays small enough to stay fast.
  ).filter((input) => (JSON.stringify(input) ?? "").length <= MAX_INPUT_CHARACTERS);
}

/** Only inputs whose every leaf is inside its schema: what reaches a procedure's own code. */
export function validInputArbitrary(schema: JsonSchema, targets: FuzzTargets): fc.Arbitrary<unknown> {
  return fromSchema(schema, { targets, root: schema, mode: "valid", depth: 0 });
}

function fromSchema(schema: JsonSchema, walk: Walk): fc.Arbitrary<unknown> {
  const conforming = conformingValue(schema, walk);
  if (walk.mode === "valid") return conforming;
  return fc.oneof({ weight: 5, arbitrary: conforming }, { weight: 1, arbitrary: outOfBounds(schema) }, { weight: 1, arbitrary: hostileJson() });
}

function conformingValue(schema: JsonSchema, walk: Walk): fc.Arbitrary<unknown> {
  if (schema.$ref) return resolveRef(schema.$ref, walk);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((alternative) => fromSchema(alternative, deeper(walk))));
  if (schema.allOf && schema.allOf.length > 0) return fromSchema(mergeObjects(schema.allOf), walk);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => conformingValue({ ...schema, type }, walk)));
  switch (types[0]) {
    case "object":
      return objectValue(schema, walk);
    case "array":
      return arrayValue(schema, walk);
    case "string":
      return stringValue(schema, walk.targets);
    case "integer":
      return numberValue(schema, true);
    case "number":
      return numberValue(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      // `{}`: zod could not describe it (preprocess, custom); anything goes.
      return hostileJson();
  }
}

function deeper(walk: Walk): Walk {
  return { ...walk, depth: walk.depth + 1 };
}

function resolveRef(ref: string, walk: Walk): fc.Arbitrary<unknown> {
  if (walk.depth > MAX_DEPTH) return fc.constant(null);
  const target = ref === "#" ? walk.root : walk.root.$defs?.[ref.replace(/^#\/\$defs\//, "")];
  return target ? fromSchema(target, deeper(walk)) : hostileJson();
}

function objectValue(schema: JsonSchema, walk: Walk): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  if (walk.depth > MAX_DEPTH) return fc.constant({});
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) record[key] = fromSchema(withNameHint(key, property), deeper(walk));
  const requiredKeys = Object.keys(properties).filter((key) => required.has(key));
  const shaped = fc.record(record, { requiredKeys });
  if (walk.mode === "valid") return shaped;
  // A mutated object may also lose a required key or carry unknown ones (zod strips or refuses them).
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
    { weight: 1, arbitrary: shaped.map((value) => ({ ...(value as object), ["__proto__"]: { polluted: true }, unexpected: "\u0000" })) },
  );
}

/**
 * zod's e-mail check sits behind trim/lower-case (a pipe), and the input side of a pipe is a plain
 * string: the property's name is then the only hint that a real address is needed to get through.
 */
function withNameHint(key: string, property: JsonSchema): JsonSchema {
  return /email/i.test(key) && property.type === "string" && !property.format ? { ...property, format: "email" } : property;
}

function arrayValue(schema: JsonSchema, walk: Walk): fc.Arbitrary<unknown> {
  if (walk.depth > MAX_DEPTH) return fc.constant([]);
  if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((item) => fromSchema(item, deeper(walk))));
  const item = schema.items ? fromSchema(schema.items, deeper(walk)) : hostileJson();
  const minLength = schema.minItems ?? 0;
  // Few items deep down, or nested arrays multiply into thousands of leaves.
  const spare = walk.depth > 2 ? 1 : 3;
  const maxLength = Math.min(schema.maxItems ?? minLength + spare, minLength + spare);
  const sized = fc.array(item, { minLength, maxLength });
  if (walk.mode === "valid" || schema.maxItems === undefined || walk.depth > 1) return sized;
  // One past the limit: copies of one item, near the top only, or the body grows to many megabytes.
  const tooMany = Math.min(schema.maxItems + 1, 1_001);
  return fc.oneof({ weight: 4, arbitrary: sized }, { weight: 1, arbitrary: item.map((one) => Array.from({ length: tooMany }, () => one)) });
}

const DATE_EDGES = ["2024-02-29", "2026-02-28", "2026-12-31", "1970-01-01", "0001-01-01", "9999-12-31", "2000-01-01"];
const DATE_TIME_EDGES = ["1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2026-03-29T02:30:00+02:00", "0001-01-01T00:00:00.000Z"];

function stringValue(schema: JsonSchema, targets: FuzzTargets): fc.Arbitrary<unknown> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength;
  const bounded = (value: string) => value.length >= minLength && (maxLength === undefined || value.length <= maxLength);
  const fromPool = (pool: readonly string[], fallback: fc.Arbitrary<string>) =>
    pool.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fallback }) : fallback;
  switch (schema.format) {
    case "uuid":
      return fromPool(targets.uuids, fc.oneof(fc.uuid(), fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff")));
    case "email":
      return fromPool(targets.emails, fc.emailAddress().filter(bounded));
    case "date":
      return fc.oneof(fc.constantFrom(...DATE_EDGES), fc.date({ noInvalidDate: true, min: new Date("0001-01-01"), max: new Date("9999-12-31") }).map((date) => date.toISOString().slice(0, 10)));
    case "date-time":
      return fc.oneof(fc.constantFrom(...DATE_TIME_EDGES), fc.date({ noInvalidDate: true, min: new Date("0001-01-01"), max: new Date("9999-12-31") }).map((date) => date.toISOString()));
    case "uri":
      return fc.webUrl().filter(bounded);
    default:
      break;
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const matching = fc.stringMatching(pattern).filter(bounded);
    // Slugs are patterns too: aim at the real workspaces most of the time.
    const pool = targets.slugs.filter((slug) => pattern.test(slug) && bounded(slug));
    return /\^\[a-z0-9\]/.test(schema.pattern) && pool.length > 0 ? fromPool(pool, matching) : matching;
  }
  const edges = [filler(minLength), ...(maxLength !== undefined ? [filler(maxLength), filler(maxLength, "Ж"), filler(Math.floor(maxLength / 2), "𝕍")] : [])];
  const randomMax = Math.min(maxLength ?? minLength + 40, minLength + 40);
  const random = fc.string({ minLength, maxLength: randomMax, unit: "grapheme" });
  return fc.oneof(
    { weight: 2, arbitrary: random.filter(bounded) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter(bounded), ...edges.filter(bounded)) },
    // NUL inside otherwise ordinary text: the commonest way a valid-looking input breaks PostgreSQL.
    { weight: 2, arbitrary: random.map((text) => `${text}\u0000`).filter(bounded) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength: randomMax, unit: "binary" }).filter(bounded) },
  );
}

function numberValue(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : undefined);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : undefined);
  const inRange = (value: number) => (min === undefined || value >= min) && (max === undefined || value <= max) && (!integer || Number.isInteger(value));
  const edges = [min, max, ...HOSTILE_NUMBERS].filter((value): value is number => value !== undefined && inRange(value));
  const lower = Math.max(min ?? -(2 ** 31), Number.MIN_SAFE_INTEGER);
  const upper = Math.min(max ?? 2 ** 31, Number.MAX_SAFE_INTEGER);
  const random = integer ? fc.integer({ min: Math.ceil(lower), max: Math.floor(upper) }) : fc.double({ min: lower, max: upper, noNaN: true, noDefaultInfinity: true });
  return edges.length > 0 ? fc.oneof(fc.constantFrom(...edges), random) : random;
}

/** Just outside what the schema allows, where off-by-one and unchecked casts live. */
function outOfBounds(schema: JsonSchema): fc.Arbitrary<unknown> {
  const values: unknown[] = [];
  if (schema.maxLength !== undefined) values.push(filler(schema.maxLength + 1), filler(schema.maxLength * 4 + 1, "\u0000"));
  if (schema.minLength !== undefined && schema.minLength > 0) values.push(filler(schema.minLength - 1));
  if (schema.maximum !== undefined) values.push(schema.maximum + 1, schema.maximum + 0.5);
  if (schema.minimum !== undefined) values.push(schema.minimum - 1);
  if (schema.format === "date") values.push("2026-13-45", "2026-02-29", "26-1-1", "+275760-09-13");
  if (schema.format === "uuid") values.push("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "{00000000-0000-0000-0000-000000000000}");
  if (schema.enum) values.push("not-in-enum", String(schema.enum[0]).toUpperCase());
  return values.length > 0 ? fc.constantFrom(...values) : hostileJson();
}

/** One object schema with the properties of all: how tRPC applies several `.input()` calls. */
export function mergeObjects(schemas: readonly JsonSchema[]): JsonSchema {
  const merged: JsonSchema = { type: "object", properties: {}, required: [] };
  for (const schema of schemas) {
    const parts = schema.allOf ?? [schema];
    for (const part of parts) {
      Object.assign(merged.properties!, part.properties ?? {});
      merged.required!.push(...(part.required ?? []));
      if (part.$defs) merged.$defs = { ...merged.$defs, ...part.$defs };
    }
  }
  return merged;
}

/**
 * A valid input with every leaf of one kind replaced by its worst allowed value, for the cases a
 * few random runs would rarely combine: free text that carries NUL, a loosely checked date that
 * is not on the calendar, numbers and lengths at their limits.
 */
export function poisonedExamples(schema: JsonSchema | null, valid: unknown): unknown[] {
  if (!schema) return [];
  const nul = (leaf: JsonSchema) => (isFreeText(leaf) ? "a\u0000b" : isLooseDate(leaf) ? "2026-13-45" : undefined);
  const limits = (leaf: JsonSchema) => {
    if (leaf.type === "integer" || leaf.type === "number") return leaf.maximum ?? 2 ** 31;
    if (isFreeText(leaf)) return filler(Math.min(leaf.maxLength ?? 100_000, 100_000), "Ж");
    if (isLooseDate(leaf)) return "2026-02-30";
    return undefined;
  };
  return [replaceLeaves(schema, valid, schema, nul, 0), replaceLeaves(schema, valid, schema, limits, 0)];
}

function isFreeText(schema: JsonSchema): boolean {
  return schema.type === "string" && !schema.format && !schema.pattern && !schema.enum && schema.const === undefined;
}

function isLooseDate(schema: JsonSchema): boolean {
  return schema.type === "string" && !schema.format && schema.pattern === "^\\d{4}-\\d{2}-\\d{2}$";
}

function replaceLeaves(schema: JsonSchema, value: unknown, root: JsonSchema, replace: (leaf: JsonSchema) => unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return value;
  if (schema.$ref) {
    const target = schema.$ref === "#" ? root : root.$defs?.[schema.$ref.replace(/^#\/\$defs\//, "")];
    return target ? replaceLeaves(target, value, root, replace, depth + 1) : value;
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    // The first alternative whose kind matches the value (null, array, object or scalar).
    const kind = value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "object" ? "object" : typeof value;
    const matching = alternatives.find((alternative) => kindOf(alternative) === kind || (kind === "number" && kindOf(alternative) === "integer") || (kind === "string" && kindOf(alternative) === "string"));
    return matching ? replaceLeaves(matching, value, root, replace, depth + 1) : value;
  }
  if (Array.isArray(value) && schema.items) return value.map((item) => replaceLeaves(schema.items!, item, root, replace, depth + 1));
  if (value && typeof value === "object" && schema.properties) {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => {
      const property = schema.properties![key];
      return [key, property ? replaceLeaves(property, item, root, replace, depth + 1) : item] as const;
    });
    return Object.fromEntries(entries);
  }
  if (value === null || typeof value === "object") return value;
  const replaced = replace(schema);
  return replaced === undefined ? value : replaced;
}

function kindOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : schema.type;
}
