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

export type OfflineChange = (z.output<typeof offlineAnswerSchema> & { kind: "answer" }) | (z.output<typeof offlineFindingSchema> & { kind: "finding" });
export type OfflinePhoto = z.output<typeof offlinePhotoSchema>;
