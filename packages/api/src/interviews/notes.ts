import type { TenantTx } from "@vigil/db";
import { decryptNotes, notesAad } from "./notes-crypto.ts";
import { recordAudit } from "../core/audit.ts";
import { findInterview } from "./interviews.ts";
import type { Actor } from "../core/actor.ts";

/**
 * Decrypts an interview's notes for someone who needs to know, and records that they read them:
 * the audit event commits in the same transaction, so there is no read without its record.
 */
export async function readInterviewNotes(tx: TenantTx, actor: Actor, interviewId: string): Promise<{ notes: string }> {
  const interview = await findInterview(tx, actor, interviewId);
  await recordAudit(tx, actor, {
    action: "interview.notesRead", targetType: "interview", targetId: interviewId,
    details: { visitId: interview.visitId },
  });
  if (!interview.notesCiphertext || !interview.notesKeyId) return { notes: "" };
  return { notes: decryptNotes(interview.notesCiphertext, interview.notesKeyId, notesAad(actor.tenantId, interviewId)) };
}
