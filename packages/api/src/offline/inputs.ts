import { z } from "zod";
import { uploadedFileFields } from "../attachments/inputs.ts";
import { findingFieldsSchema } from "../findings/inputs.ts";
import { saveAnswerSchema } from "../checklist/inputs.ts";
import { contentId } from "../templates/content.ts";

/**
 * Zod schemas of the offline router's inputs. A change made offline is the same change as a live
 * one (the checklist's and the findings' own schemas), with the id the device gave it.
 */

const operationId = z.uuid();

export const offlineAnswerSchema = saveAnswerSchema.extend({ operationId });

export const offlineFindingSchema = findingFieldsSchema.extend({ operationId, visitId: z.uuid() });

/** A photo taken offline: of a finding made offline (named by that change's id), or of a question. */
export const offlinePhotoSchema = z.object({
  operationId,
  visitId: z.uuid(),
  findingOperationId: operationId.nullable().default(null),
  questionId: contentId.nullable().default(null),
  ...uploadedFileFields,
});

/**
 * A finding edited or deleted offline: one already on the server (its id), or one made offline
 * and sent before it (the id of the change that made it), never both.
 */
const findingTarget = {
  findingId: z.uuid().nullable().default(null),
  findingOperationId: operationId.nullable().default(null),
};
const oneTarget = (target: { findingId: string | null; findingOperationId: string | null }) => (target.findingId === null) !== (target.findingOperationId === null);
const targetError = { error: "offlineErrors.findingTarget", path: ["findingId"] };
export const offlineFindingEditSchema = findingFieldsSchema.extend({ operationId, visitId: z.uuid(), ...findingTarget }).refine(oneTarget, targetError);
export const offlineFindingDeleteSchema = z.object({ operationId, visitId: z.uuid(), ...findingTarget }).refine(oneTarget, targetError);
/** "Take theirs" on a conflict: names the change that met the newer answer, whose value the server kept. */
export const offlineTakeTheirsSchema = z.object({ operationId, visitId: z.uuid(), conflictOperationId: operationId });

export type OfflineChange =
  | (z.output<typeof offlineAnswerSchema> & { kind: "answer" })
  | (z.output<typeof offlineFindingSchema> & { kind: "finding" });
export type OfflineFindingEdit = z.output<typeof offlineFindingEditSchema>;
export type OfflineFindingDelete = z.output<typeof offlineFindingDeleteSchema>;
export type OfflineTakeTheirs = z.output<typeof offlineTakeTheirsSchema>;
export type OfflinePhoto = z.output<typeof offlinePhotoSchema>;
