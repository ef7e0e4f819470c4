/**
 * Every procedure's input schemas, for the web's forms (`@vigil/api/inputs`). Browser-safe: the
 * modules behind this barrel import only zod and pure modules, never Node, pg or the Prisma runtime,
 * so a form can validate with the very schema the procedure uses (docs/decisions/0164);
 * inputs.test.ts walks the import graph to keep it so.
 */
export {
  countryCodeSchema,
  daySchema,
  emailSchema,
  localeSchema,
  nameSchema,
  newPasswordSchema,
  roleSchema,
  slugSchema,
  textSchema,
} from "./core/schemas.ts";
export * from "./dashboard/inputs.ts";
export * from "./interviews/schemas.ts";
export * from "./recommendations/inputs.ts";
export * from "./registry/schemas.ts";
export * from "./reports/inputs.ts";
export * from "./visits/inputs.ts";
