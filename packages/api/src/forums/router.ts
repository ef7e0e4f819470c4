import {
  addAgendaItem, assertMayOrganiseForums, createForum, getForum, invitableWorkspaces, inviteToForum, listForums, removeAgendaItem, removeDocument, removeParticipant,
  respondToInvitation, setBenchmarkOptIn, shareDocument,
} from "./forums.ts";
import {
  agendaItemRefSchema, agendaItemSchema, benchmarkOptInSchema, createForumSchema, forumDocumentRefSchema, forumParticipantSchema, forumRefSchema,
  forumResponseSchema, inviteToForumSchema, shareDocumentSchema,
} from "./inputs.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

/** Forums and networks: members read; admins organise, invite and answer invitations for their workspace. */
export const forumsRouter = router({
  list: tenantProcedure("viewer").query(({ ctx }) => listForums(ctx.tx, ctx.actor)),

  get: tenantProcedure("viewer").input(forumRefSchema).query(({ ctx, input }) => getForum(ctx.tx, ctx.actor, input.forumId)),

  create: tenantProcedure("admin")
    .input(createForumSchema)
    .mutation(async ({ ctx, input }) => {
      await assertMayOrganiseForums(ctx.tx);
      return createForum(ctx.tx, ctx.actor, input);
    }),

  /** The directory to invite from (every workspace's name, nothing more). */
  invitable: tenantProcedure("admin").input(forumRefSchema).query(({ ctx, input }) => invitableWorkspaces(ctx.tx, ctx.actor, input.forumId)),

  invite: tenantProcedure("admin")
    .input(inviteToForumSchema)
    .mutation(({ ctx, input }) => inviteToForum(ctx.tx, ctx.actor, input.forumId, input.workspaceIds)),

  removeParticipant: tenantProcedure("admin")
    .input(forumParticipantSchema)
    .mutation(({ ctx, input }) => removeParticipant(ctx.tx, ctx.actor, input.forumId, input.workspaceId)),

  respond: tenantProcedure("admin")
    .input(forumResponseSchema)
    .mutation(({ ctx, input }) => respondToInvitation(ctx.tx, ctx.actor, input.forumId, input.accept)),

  setBenchmarkOptIn: tenantProcedure("admin")
    .input(benchmarkOptInSchema)
    .mutation(({ ctx, input }) => setBenchmarkOptIn(ctx.tx, ctx.actor, input.forumId, input.optIn)),

  addAgendaItem: tenantProcedure("admin")
    .input(agendaItemSchema)
    .mutation(({ ctx, input }) => addAgendaItem(ctx.tx, ctx.actor, input.forumId, input)),

  removeAgendaItem: tenantProcedure("admin")
    .input(agendaItemRefSchema)
    .mutation(({ ctx, input }) => removeAgendaItem(ctx.tx, ctx.actor, input.forumId, input.itemId)),

  shareDocument: tenantProcedure("coordinator")
    .input(shareDocumentSchema)
    .mutation(({ ctx, input }) => shareDocument(ctx.tx, ctx.actor, input.forumId, input)),

  removeDocument: tenantProcedure("coordinator")
    .input(forumDocumentRefSchema)
    .mutation(({ ctx, input }) => removeDocument(ctx.tx, ctx.actor, input.documentId)),
});
