/**
 * Every procedure's input schemas, for the web's forms (`@vigil/api/inputs`). Browser-safe: the
 * modules behind this barrel import only zod and pure modules, never Node, pg or the Prisma runtime,
 * so a form can validate with the very schema the procedure uses (docs/decisions/0164);
 * inputs.test.ts walks the import graph to keep it so.
 */
export {
  authorityKindSchema,
  countryCodeSchema,
  daySchema,
  emailSchema,
  findingSeveritySchema,
  intervieweeCategorySchema,
  localeSchema,
  nameSchema,
  newPasswordSchema,
  optionalText,
  placeTypeSchema,
  recommendationPrioritySchema,
  recommendationStatusSchema,
  roleSchema,
  slugSchema,
  textSchema,
  updateSourceSchema,
  visitRefSchema,
  visitRoleSchema,
  visitStatusSchema,
  visitTypeSchema,
} from "./core/schemas.ts";
export * from "./account/inputs.ts";
export * from "./attachments/inputs.ts";
export * from "./audit/inputs.ts";
export * from "./billing/inputs.ts";
export * from "./checklist/inputs.ts";
export * from "./dashboard/inputs.ts";
export * from "./findings/inputs.ts";
export * from "./forums/inputs.ts";
export * from "./interviews/inputs.ts";
export * from "./joint-visits/inputs.ts";
export * from "./library/inputs.ts";
export * from "./members/inputs.ts";
export * from "./recommendations/inputs.ts";
export * from "./registry/inputs.ts";
export * from "./reports/inputs.ts";
export * from "./security/inputs.ts";
export * from "./templates/inputs.ts";
export * from "./visits/inputs.ts";
export * from "./workspaces/inputs.ts";
