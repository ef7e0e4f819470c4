import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poisonedExamples, validInputArbitrary, type JsonSchema } from "./json-schema-arbitrary.ts";
import { fuzzedProcedures } from "./procedures.ts";

function hasUndescribedField(schema: JsonSchema): boolean {
  return Object.entries(schema.properties ?? {}).some(([key, property]) => schema.required?.includes(key) && Object.keys(property).length === 0);
}

const targets = { slugs: ["npm-serbia"], uuids: ["0b7e4c7e-7a43-4d1f-9c55-0e4c2c1f9a10"], emails: ["ana@example.org"] };

describe("inputs generated from a procedure's JSON Schema", () => {
  // If the "valid" mode did not satisfy the schemas, every fuzzed call would stop at zod's 400 and
  // the handlers behind it would never be reached.
  it("in valid mode, pass every input parser of every procedure at least some of the time", () => {
    const neverValid: string[] = [];
    for (const procedure of fuzzedProcedures()) {
      // A field zod cannot describe (an upload's byte stream, z.custom) cannot be sent as JSON at all.
      if (!procedure.input || hasUndescribedField(procedure.input)) continue;
      // 60 samples: a schema with several optional refined fields (an authority's e-mail and its name in
      // four languages, each checked by a refinement JSON Schema cannot describe) passes rarely.
      const samples = fc.sample(validInputArbitrary(procedure.input, targets), { seed: 7, numRuns: 60 });
      const passes = samples.filter((input) => procedure.parsers.every((parser) => parser.safeParse(input).success));
      if (passes.length === 0) neverValid.push(procedure.path);
    }
    expect(neverValid).toEqual([]);
  }, 120_000); // 160 schemas' worth of generation and parsing: seconds alone, much longer on a busy machine

  it("poison every free-text leaf of a valid input with NUL, and push numbers to their limits", () => {
    const places = fuzzedProcedures().find((procedure) => procedure.path === "places.list")!;
    const valid = { tenantSlug: "npm-serbia", search: "police", limit: 10, archived: "active" };
    const [nul, limits] = poisonedExamples(places.input, valid) as Record<string, unknown>[];
    expect(nul).toEqual({ tenantSlug: "npm-serbia", search: "a\u0000b", limit: 10, archived: "active" });
    expect(limits).toMatchObject({ tenantSlug: "npm-serbia", limit: 100, archived: "active" });
    expect(places.parsers.every((parser) => parser.safeParse(nul).success)).toBe(true);
  });

  it("aim slugs and uuids at the given targets", () => {
    const places = fuzzedProcedures().find((procedure) => procedure.path === "places.get")!;
    const samples = fc.sample(validInputArbitrary(places.input!, targets), { seed: 7, numRuns: 40 }) as { tenantSlug: string; placeId: string }[];
    expect(samples.filter((input) => input.tenantSlug === "npm-serbia").length).toBeGreaterThan(10);
    expect(samples.filter((input) => input.placeId === targets.uuids[0]).length).toBeGreaterThan(10);
  });
});
