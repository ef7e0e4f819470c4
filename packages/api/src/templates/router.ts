import { LOCALES } from "@vigil/i18n";
import { z } from "zod";
import { draftContent } from "./draft-content.ts";
import { placeTypeSchema } from "../registry/schemas.ts";
import { exportTemplateVersion, importTemplate } from "./exchange.ts";
import {
  createDraftFromLatest, createTemplate, discardDraft, getTemplate, getTemplateVersion, listTemplates, publishDraft,
  publishedVersionsFor, setTemplateArchived, updateDraft,
} from "./templates.ts";
import { router, tenantProcedure } from "../core/trpc.ts";
import { boundedNameSchema } from "../core/names.ts";

const templateId = z.object({ templateId: z.uuid() });
const settings = z.object({
  name: boundedNameSchema(300),
  placeTypes: z.array(placeTypeSchema).max(10).transform((types) => [...new Set(types)]),
  languages: z.array(z.enum(LOCALES)).min(1).max(LOCALES.length).transform((languages) => [...new Set(languages)]),
});

/** Methodology templates: everyone reads them; coordinators and above write the methodology. */
export const templatesRouter = router({
  list: tenantProcedure("viewer").query(({ ctx }) => listTemplates(ctx.tx)),

  get: tenantProcedure("viewer").input(templateId).query(({ ctx, input }) => getTemplate(ctx.tx, input.templateId)),

  version: tenantProcedure("viewer")
    .input(z.object({ versionId: z.uuid() }))
    .query(({ ctx, input }) => getTemplateVersion(ctx.tx, input.versionId)),

  /** For visit planning: the published versions that apply to a place type. */
  publishedVersionsFor: tenantProcedure("viewer")
    .input(z.object({ placeType: placeTypeSchema.optional() }))
    .query(({ ctx, input }) => publishedVersionsFor(ctx.tx, { placeType: input.placeType })),

  create: tenantProcedure("coordinator")
    .input(settings)
    .mutation(({ ctx, input }) => createTemplate(ctx.tx, ctx.actor, { name: input.name, placeTypes: input.placeTypes, languages: input.languages })),

  updateDraft: tenantProcedure("coordinator")
    .input(templateId.extend({ settings, content: draftContent, expectedUpdatedAt: z.coerce.date() }))
    .mutation(({ ctx, input }) => updateDraft(ctx.tx, ctx.actor, input.templateId, input)),

  publish: tenantProcedure("coordinator").input(templateId).mutation(({ ctx, input }) => publishDraft(ctx.tx, ctx.actor, input.templateId)),

  createDraft: tenantProcedure("coordinator").input(templateId).mutation(({ ctx, input }) => createDraftFromLatest(ctx.tx, ctx.actor, input.templateId)),

  discardDraft: tenantProcedure("coordinator").input(templateId).mutation(({ ctx, input }) => discardDraft(ctx.tx, ctx.actor, input.templateId)),

  setArchived: tenantProcedure("coordinator")
    .input(templateId.extend({ archived: z.boolean() }))
    .mutation(({ ctx, input }) => setTemplateArchived(ctx.tx, ctx.actor, input.templateId, input.archived)),

  export: tenantProcedure("viewer")
    .input(z.object({ versionId: z.uuid() }))
    .query(({ ctx, input }) => exportTemplateVersion(ctx.tx, input.versionId)),

  /** The file's text, parsed on the server so that errors can name its lines. */
  import: tenantProcedure("coordinator")
    .input(z.object({ text: z.string().min(1).max(5_000_000) }))
    .mutation(({ ctx, input }) => importTemplate(ctx.tx, ctx.actor, input.text)),
});
