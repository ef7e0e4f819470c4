import { z } from "zod";
import { boundedNameSchema } from "../core/names.ts";
import { daySchema, optionalText } from "../core/schemas.ts";

/** Zod schemas of the forums router's inputs. */

/** An optional day from a form: absent, null or an empty field all mean "none". */
const optionalDay = daySchema.nullish().or(z.literal("")).transform((value) => value || null);

export const forumRefSchema = z.object({ forumId: z.uuid() });

export const createForumSchema = z.object({
  name: boundedNameSchema(300),
  startsOn: optionalDay,
  endsOn: optionalDay,
  place: optionalText(300),
  description: optionalText(10_000),
});

export const inviteToForumSchema = forumRefSchema.extend({ workspaceIds: z.array(z.uuid()).min(1).max(100) });

export const forumParticipantSchema = forumRefSchema.extend({ workspaceId: z.uuid() });

export const forumResponseSchema = forumRefSchema.extend({ accept: z.boolean() });

export const benchmarkOptInSchema = forumRefSchema.extend({ optIn: z.boolean() });

export const agendaItemSchema = forumRefSchema.extend({
  title: boundedNameSchema(300),
  startsAt: z.string().regex(/^[0-2]\d:[0-5]\d$/).nullish().or(z.literal("")),
  description: optionalText(4000),
});

export const agendaItemRefSchema = forumRefSchema.extend({ itemId: z.uuid() });

export const shareDocumentSchema = forumRefSchema.extend({
  title: boundedNameSchema(300),
  url: z.url({ protocol: /^https?$/ }).max(2000).nullish().or(z.literal("")),
  note: optionalText(4000),
});

export const forumDocumentRefSchema = z.object({ documentId: z.uuid() });
