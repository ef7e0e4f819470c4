import { z } from "zod";
import { daySchema } from "../core/schemas.ts";
import {
  addAgendaItem, assertMayOrganiseForums, createForum, getForum, invitableWorkspaces, inviteToForum, listForums, removeAgendaItem, removeDocument, removeParticipant,
  respondToInvitation, setBenchmarkOptIn, shareDocument,
} from "./forums.ts";
import { router, tenantProcedure } from "../core/trpc.ts";
import { boundedNameSchema } from "../core/names.ts";

const forumId = z.object({ forumId: z.uuid() });
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((value) => value || null);
const optionalDay = daySchema.nullish().or(z.literal("")).transform((value) => value || null);

/** Forums and networks: members read; admins organise, invite and answer invitations for their workspace. */
export const forumsRouter = router({
  list: tenantProcedure("viewer").query(({ ctx }) => listForums(ctx.tx, ctx.actor)),

  get: tenantProcedure("viewer").input(forumId).query(({ ctx, input }) => getForum(ctx.tx, ctx.actor, input.forumId)),

  create: tenantProcedure("admin")
    .input(z.object({ name: boundedNameSchema(300), startsOn: optionalDay, endsOn: optionalDay, place: optionalText(300), description: optionalText(10_000) }))
    .mutation(async ({ ctx, input }) => {
      await assertMayOrganiseForums(ctx.tx);
      return createForum(ctx.tx, ctx.actor, input);
    }),

  /** The directory to invite from (every workspace's name, nothing more). */
  invitable: tenantProcedure("admin").input(forumId).query(({ ctx, input }) => invitableWorkspaces(ctx.tx, ctx.actor, input.forumId)),

  invite: tenantProcedure("admin")
    .input(forumId.extend({ workspaceIds: z.array(z.uuid()).min(1).max(100) }))
    .mutation(({ ctx, input }) => inviteToForum(ctx.tx, ctx.actor, input.forumId, input.workspaceIds)),

  removeParticipant: tenantProcedure("admin")
    .input(forumId.extend({ workspaceId: z.uuid() }))
    .mutation(({ ctx, input }) => removeParticipant(ctx.tx, ctx.actor, input.forumId, input.workspaceId)),

  respond: tenantProcedure("admin")
    .input(forumId.extend({ accept: z.boolean() }))
    .mutation(({ ctx, input }) => respondToInvitation(ctx.tx, ctx.actor, input.forumId, input.accept)),

  setBenchmarkOptIn: tenantProcedure("admin")
    .input(forumId.extend({ optIn: z.boolean() }))
    .mutation(({ ctx, input }) => setBenchmarkOptIn(ctx.tx, ctx.actor, input.forumId, input.optIn)),

  addAgendaItem: tenantProcedure("admin")
    .input(forumId.extend({ title: boundedNameSchema(300), startsAt: z.string().regex(/^[0-2]\d:[0-5]\d$/).nullish().or(z.literal("")), description: optionalText(4000) }))
    .mutation(({ ctx, input }) => addAgendaItem(ctx.tx, ctx.actor, input.forumId, input)),

  removeAgendaItem: tenantProcedure("admin")
    .input(forumId.extend({ itemId: z.uuid() }))
    .mutation(({ ctx, input }) => removeAgendaItem(ctx.tx, ctx.actor, input.forumId, input.itemId)),

  shareDocument: tenantProcedure("coordinator")
    .input(forumId.extend({ title: boundedNameSchema(300), url: z.url({ protocol: /^https?$/ }).max(2000).nullish().or(z.literal("")), note: optionalText(4000) }))
    .mutation(({ ctx, input }) => shareDocument(ctx.tx, ctx.actor, input.forumId, input)),

  removeDocument: tenantProcedure("coordinator")
    .input(z.object({ documentId: z.uuid() }))
    .mutation(({ ctx, input }) => removeDocument(ctx.tx, ctx.actor, input.documentId)),
});
