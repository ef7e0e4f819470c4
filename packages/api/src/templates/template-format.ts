import { LOCALES, type Locale } from "@vigil/i18n";
import { z } from "zod";
import { fail } from "../core/errors.ts";
import { placeTypeSchema } from "../core/schemas.ts";
import { templateContent, type TemplateContent } from "./content.ts";
import { boundedNameSchema } from "../core/names.ts";

/**
 * The exchange format of checklist templates (docs/template-format.md): one JSON object naming its
 * format and version, the template's name, place types and languages, and the content's sections.
 * A file is parsed whole before anything is written, and its first problem is reported by line and
 * column (bad JSON) or by field path (e.g. `sections[2].questions[0].kind`).
 */
const TEMPLATE_FORMAT = "vigil.checklist-template";
const TEMPLATE_FORMAT_VERSION = 1;

const templateFileSchema = z
  .strictObject({
    format: z.literal(TEMPLATE_FORMAT),
    formatVersion: z.literal(TEMPLATE_FORMAT_VERSION),
    name: boundedNameSchema(300),
    placeTypes: z.array(placeTypeSchema).max(10).default([]),
    languages: z.array(z.enum(LOCALES)).min(1).max(LOCALES.length),
    sections: z.array(z.unknown()),
  })
  .transform(({ sections, ...rest }) => ({ ...rest, sections }));

export type TemplateFile = {
  format: typeof TEMPLATE_FORMAT;
  formatVersion: typeof TEMPLATE_FORMAT_VERSION;
  name: string;
  placeTypes: z.infer<typeof placeTypeSchema>[];
  languages: Locale[];
  sections: TemplateContent["sections"];
};


/** `["sections", 2, "questions", 0, "kind"]` → `sections[2].questions[0].kind`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "");
}

/** Line and column (1-based) of a character offset in the text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    // V8 names the offset ("at position 42") or, in newer versions, the line and column.
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const where = lineColumn
      ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
      : lineAndColumn(text, position ? Number(position[1]) : text.length);
    fail("BAD_REQUEST", "templateErrors.invalidJson", where, "file");
  }
}

function failOnIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): never {
  const field = fieldPath([...prefix, ...issue.path]) || "(root)";
  if (issue.code === "invalid_type" && issue.input === undefined) fail("BAD_REQUEST", "templateErrors.missingField", { field }, "file");
  if (issue.code === "invalid_value") fail("BAD_REQUEST", "templateErrors.valueNotAllowed", { field, allowed: issue.values.map(String).join(", ") }, "file");
  if (issue.code === "unrecognized_keys") fail("BAD_REQUEST", "templateErrors.unknownField", { field: fieldPath([...prefix, ...issue.path, issue.keys[0] ?? ""]) }, "file");
  fail("BAD_REQUEST", "templateErrors.invalidField", { field }, "file");
}

/** Parses and validates a template file's text; throws a translated error naming the line or field. */
export function parseTemplateFile(text: string): TemplateFile {
  const json = parseJson(text);
  if (typeof json !== "object" || json === null || Array.isArray(json)) fail("BAD_REQUEST", "templateErrors.notATemplate", {}, "file");
  const record = json as Record<string, unknown>;
  if (record.format !== TEMPLATE_FORMAT) fail("BAD_REQUEST", "templateErrors.notATemplate", {}, "file");
  if (record.formatVersion !== TEMPLATE_FORMAT_VERSION) {
    fail("BAD_REQUEST", "templateErrors.unsupportedVersion", { version: String(record.formatVersion), supported: TEMPLATE_FORMAT_VERSION }, "file");
  }
  const head = templateFileSchema.safeParse(json);
  // A misspelt key explains the "missing" field it was meant to be: report it first.
  if (!head.success) failOnIssue(head.error.issues.find((issue) => issue.code === "unrecognized_keys") ?? head.error.issues[0]!);
  const content = templateContent.safeParse({ sections: head.data.sections });
  if (!content.success) failOnIssue(content.error.issues[0]!);
  return { ...head.data, placeTypes: [...new Set(head.data.placeTypes)], languages: [...new Set(head.data.languages)], sections: content.data.sections };
}

/** The file for a template version, with keys in the documented order. */
export function toTemplateFile(template: { name: string; placeTypes: TemplateFile["placeTypes"] }, version: { languages: string[]; content: TemplateContent }): TemplateFile {
  return {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    name: template.name,
    placeTypes: template.placeTypes,
    languages: version.languages.filter((l): l is Locale => (LOCALES as readonly string[]).includes(l)),
    sections: version.content.sections,
  };
}
