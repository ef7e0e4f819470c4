import {
  archiveTemplateSchema, importTemplateSchema, publishedVersionsForSchema, templateRefSchema, templateSettingsSchema, templateVersionRefSchema,
  updateDraftSchema,
} from "./inputs.ts";
import { exportTemplateVersion, importTemplate } from "./exchange.ts";
import {
  createDraftFromLatest, createTemplate, discardDraft, getTemplate, getTemplateVersion, listTemplates, publishDraft,
  publishedVersionsFor, setTemplateArchived, updateDraft,
} from "./templates.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

/** Methodology templates: everyone reads them; coordinators and above write the methodology. */
export const templatesRouter = router({
  list: tenantProcedure("viewer").query(({ ctx }) => listTemplates(ctx.tx)),

  get: tenantProcedure("viewer").input(templateRefSchema).query(({ ctx, input }) => getTemplate(ctx.tx, input.templateId)),

  version: tenantProcedure("viewer")
    .input(templateVersionRefSchema)
    .query(({ ctx, input }) => getTemplateVersion(ctx.tx, input.versionId)),

  /** For visit planning: the published versions that apply to a place type. */
  publishedVersionsFor: tenantProcedure("viewer")
    .input(publishedVersionsForSchema)
    .query(({ ctx, input }) => publishedVersionsFor(ctx.tx, { placeType: input.placeType })),

  create: tenantProcedure("coordinator")
    .input(templateSettingsSchema)
    .mutation(({ ctx, input }) => createTemplate(ctx.tx, ctx.actor, { name: input.name, placeTypes: input.placeTypes, languages: input.languages })),

  updateDraft: tenantProcedure("coordinator")
    .input(updateDraftSchema)
    .mutation(({ ctx, input }) => updateDraft(ctx.tx, ctx.actor, input.templateId, input)),

  publish: tenantProcedure("coordinator").input(templateRefSchema).mutation(({ ctx, input }) => publishDraft(ctx.tx, ctx.actor, input.templateId)),

  createDraft: tenantProcedure("coordinator").input(templateRefSchema).mutation(({ ctx, input }) => createDraftFromLatest(ctx.tx, ctx.actor, input.templateId)),

  discardDraft: tenantProcedure("coordinator").input(templateRefSchema).mutation(({ ctx, input }) => discardDraft(ctx.tx, ctx.actor, input.templateId)),

  setArchived: tenantProcedure("coordinator")
    .input(archiveTemplateSchema)
    .mutation(({ ctx, input }) => setTemplateArchived(ctx.tx, ctx.actor, input.templateId, input.archived)),

  export: tenantProcedure("viewer")
    .input(templateVersionRefSchema)
    .query(({ ctx, input }) => exportTemplateVersion(ctx.tx, input.versionId)),

  /** The file's text, parsed on the server so that errors can name its lines. */
  import: tenantProcedure("coordinator")
    .input(importTemplateSchema)
    .mutation(({ ctx, input }) => importTemplate(ctx.tx, ctx.actor, input.text)),
});
