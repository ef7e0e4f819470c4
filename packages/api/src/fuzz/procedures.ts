import { z } from "zod";
import { appRouter } from "../router.ts";
import { mergeObjects, type JsonSchema } from "./json-schema-arbitrary.ts";

export type FuzzedProcedure = { path: string; type: "query" | "mutation"; input: JsonSchema | null; parsers: readonly z.ZodType[] };

type ProcedureDefinition = { _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] } };

/**
 * Every procedure of the app router with the JSON Schema of its input, read from the router itself
 * (tRPC keeps a flat record of `path -> procedure` and each procedure's `.input()` parsers), so a
 * procedure added tomorrow is fuzzed without anyone listing it.
 */
export function fuzzedProcedures(): FuzzedProcedure[] {
  // Typed as the nested router record, but at run time tRPC keeps it flat: "visits.plan" -> procedure.
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDefinition>;
  return Object.entries(procedures)
    .filter(([, procedure]) => procedure._def.type !== "subscription")
    .map(([path, procedure]) => ({ path, type: procedure._def.type as "query" | "mutation", input: inputSchema(procedure._def.inputs), parsers: procedure._def.inputs }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function inputSchema(inputs: readonly z.ZodType[]): JsonSchema | null {
  if (inputs.length === 0) return null;
  // "input" side: what a client sends before transforms; `unrepresentable: "any"` turns custom
  // checks and preprocessors into `{}`, which the fuzzer fills with anything.
  const schemas = inputs.map((input) => z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as JsonSchema);
  return schemas.length === 1 ? schemas[0]! : mergeObjects(schemas);
}
