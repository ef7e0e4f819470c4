import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cursorInstant, cursorName, keysetCursor } from "./keyset-cursor.ts";
import {
  authorityKindSchema, daySchema, findingSeveritySchema, intervieweeCategorySchema, optionalText, placeTypeSchema, recommendationPrioritySchema,
  recommendationStatusSchema, roleSchema, updateSourceSchema, visitRoleSchema, visitStatusSchema, visitTypeSchema,
} from "./schemas.ts";

/** The shared schemas every domain's inputs are built from (docs/decisions/0164, 0165). */
describe("daySchema", () => {
  it.each(["2026-01-01", "2026-12-31", "2026-02-28", "2024-02-29", "2000-02-29", "2026-04-30"])("takes %s, a real calendar day", (day) => {
    expect(daySchema.parse(day)).toBe(day);
  });

  it.each([
    ["a month 13 and a day 45", "2026-13-45"],
    ["30 February", "2026-02-30"],
    ["29 February outside a leap year", "2026-02-29"],
    ["29 February in a century that is not a leap year", "1900-02-29"],
    ["31 April", "2026-04-31"],
    ["day 0", "2026-01-00"],
    ["month 0", "2026-00-10"],
    ["a time besides the day", "2026-01-01T00:00:00Z"],
    ["no zero padding", "2026-1-5"],
    ["an empty string", ""],
  ])("refuses %s with the translation key validation.invalid", (_what, day) => {
    const result = daySchema.safeParse(day);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("validation.invalid");
  });
});

describe("optionalText", () => {
  const schema = optionalText(10);

  it("trims the text it keeps", () => {
    expect(schema.parse("  notes  ")).toBe("notes");
  });

  it.each([["absent", undefined], ["null", null], ["empty", ""], ["blank", "   "]])("reads %s as null: none", (_what, value) => {
    expect(schema.parse(value)).toBeNull();
  });

  it("refuses text over its limit once trimmed", () => {
    expect(schema.safeParse("x".repeat(11)).success).toBe(false);
    expect(schema.parse(` ${"x".repeat(10)} `)).toBe("x".repeat(10));
  });
});

describe("keysetCursor", () => {
  const codec = keysetCursor(z.tuple([cursorInstant, cursorName, z.uuid()]));
  const id = "6f1c3a52-8f6e-4a57-9d59-0b0b5ad0e8b1";

  it("reads back what it wrote", () => {
    const at = new Date("2026-03-04T05:06:07.089Z");
    const cursor = codec.encode([at.toISOString(), "Окружни затвор", id]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(codec.decode(cursor)).toEqual([at, "Окружни затвор", id]);
  });

  const refusedCursor = (text: string) => {
    try {
      codec.decode(text);
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it.each([
    ["not base64url JSON", "%%%"],
    ["JSON of another shape", Buffer.from(JSON.stringify({ id })).toString("base64url")],
    ["an id that is not a UUID", Buffer.from(JSON.stringify(["2026-03-04T05:06:07.089Z", "a", "1; DROP TABLE"])).toString("base64url")],
    ["a date that is not one", Buffer.from(JSON.stringify(["2026-13-45T00:00:00Z", "a", id])).toString("base64url")],
    ["a NUL in the name", Buffer.from(JSON.stringify(["2026-03-04T05:06:07.089Z", "a\u0000b", id])).toString("base64url")],
  ])("refuses a tampered cursor (%s) as a bad request naming the cursor", (_what, text) => {
    const error = refusedCursor(text);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(JSON.stringify((error as TRPCError).cause ?? (error as TRPCError).message)).toContain("cursor");
  });

  it("refuses a cursor edited after encoding", () => {
    const cursor = codec.encode(["2026-03-04T05:06:07.089Z", "a", id]);
    const edited = Buffer.from(Buffer.from(cursor, "base64url").toString("utf8").replace(id, "not-an-id")).toString("base64url");
    expect(refusedCursor(edited)).toBeInstanceOf(TRPCError);
  });
});

/** The enums in the Prisma schema files, read from the source (not from the generated client they are derived from). */
async function prismaEnums(): Promise<Map<string, string[]>> {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../db/prisma/schema");
  const enums = new Map<string, string[]>();
  for (const file of (await readdir(dir)).filter((name) => name.endsWith(".prisma"))) {
    const text = await readFile(path.join(dir, file), "utf8");
    for (const match of text.matchAll(/^enum\s+(\w+)\s*\{([^}]*)\}/gm)) {
      const values = match[2]!
        .split("\n")
        .map((line) => line.replace(/\/\/.*$/, "").trim())
        .filter((line) => line !== "" && !line.startsWith("@@"))
        .map((line) => line.split(/\s+/)[0]!);
      enums.set(match[1]!, values);
    }
  }
  return enums;
}

describe("enum schemas", () => {
  it.each([
    ["MemberRole", roleSchema],
    ["PlaceType", placeTypeSchema],
    ["AuthorityKind", authorityKindSchema],
    ["VisitType", visitTypeSchema],
    ["VisitStatus", visitStatusSchema],
    ["VisitRole", visitRoleSchema],
    ["FindingSeverity", findingSeveritySchema],
    ["IntervieweeCategory", intervieweeCategorySchema],
    ["RecommendationStatus", recommendationStatusSchema],
    ["RecommendationPriority", recommendationPrioritySchema],
    ["RecommendationUpdateSource", updateSourceSchema],
  ] as const)("%s takes exactly the Prisma schema's values, in its order", async (name, schema) => {
    const enums = await prismaEnums();
    expect(enums.get(name)).toBeDefined();
    expect(schema.options).toEqual(enums.get(name));
  });
});
