import { randomUUID } from "node:crypto";
import { isUniqueViolation, type TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { encryptNotes, notesAad } from "./notes-crypto.ts";
import type { InterviewFields } from "./inputs.ts";
import { recordAudit } from "../core/audit.ts";
import { assertMayHandleInterviews, findEditableVisit, findVisit, visitSummary } from "../attachments/evidence-access.ts";
import type { Actor } from "../core/actor.ts";

// Never select the ciphertext here: lists and forms show that notes exist, not what they say.
const interviewSummary = {
  id: true, visitId: true, pseudonym: true, category: true, consentGiven: true, allegations: true, reprisalRisk: true,
  followUpDue: true, followUpCheckedAt: true, notesKeyId: true, createdAt: true, updatedAt: true,
} as const;

function summary<T extends { notesKeyId: string | null }>({ notesKeyId, ...interview }: T) {
  return { ...interview, hasNotes: notesKeyId !== null };
}

export async function listInterviews(tx: TenantTx, actor: Actor, visitId: string) {
  const visit = await findVisit(tx, visitId);
  await assertMayHandleInterviews(tx, actor, visitId);
  const rows = await tx.interview.findMany({ where: { visitId }, select: interviewSummary, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { visit: visitSummary(visit), interviews: rows.map(summary) };
}

/** The rules a form cannot be trusted with. */
function checkRules(fields: InterviewFields, notes: string | undefined) {
  // Without consent nothing the person said is written down.
  if (!fields.consentGiven && notes) fail("BAD_REQUEST", "interviewErrors.notesWithoutConsent", {}, "notes");
  if (fields.reprisalRisk && !fields.followUpDue) fail("BAD_REQUEST", "interviewErrors.followUpDueRequired", {}, "followUpDue");
}

function followUpDueDate(fields: InterviewFields): Date | null {
  return fields.reprisalRisk && fields.followUpDue ? new Date(`${fields.followUpDue}T00:00:00Z`) : null;
}

function encrypted(tenantId: string, interviewId: string, notes: string) {
  if (!notes.trim()) return { notesCiphertext: null, notesKeyId: null };
  const { ciphertext, keyId } = encryptNotes(notes, notesAad(tenantId, interviewId));
  return { notesCiphertext: new Uint8Array(ciphertext), notesKeyId: keyId };
}

async function pseudonymTaken<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) fail("CONFLICT", "interviewErrors.pseudonymTaken", {}, "pseudonym");
    throw error;
  }
}

export async function createInterview(tx: TenantTx, actor: Actor, visitId: string, fields: InterviewFields) {
  await findEditableVisit(tx, visitId);
  await assertMayHandleInterviews(tx, actor, visitId);
  checkRules(fields, fields.notes);
  // The id is chosen here because the notes' ciphertext is bound to it.
  const id = randomUUID();
  const interview = await pseudonymTaken(() =>
    tx.interview.create({
      data: {
        tenantId: actor.tenantId, id, visitId, pseudonym: fields.pseudonym, category: fields.category, consentGiven: fields.consentGiven,
        allegations: fields.allegations, reprisalRisk: fields.reprisalRisk, followUpDue: followUpDueDate(fields), createdById: actor.userId,
        ...encrypted(actor.tenantId, id, fields.consentGiven ? (fields.notes ?? "") : ""),
      },
      select: interviewSummary,
    }),
  );
  await recordAudit(tx, actor, {
    action: "interview.created", targetType: "interview", targetId: id,
    details: { visitId, category: fields.category, reprisalRisk: fields.reprisalRisk, hasNotes: interview.notesKeyId !== null },
  });
  return summary(interview);
}

export async function findInterview(tx: TenantTx, actor: Actor, interviewId: string) {
  const interview = await tx.interview.findFirst({ where: { id: interviewId }, select: { ...interviewSummary, notesCiphertext: true } });
  if (!interview) fail("NOT_FOUND", "errors.notFound");
  await assertMayHandleInterviews(tx, actor, interview.visitId);
  return interview;
}

export async function updateInterview(tx: TenantTx, actor: Actor, interviewId: string, fields: InterviewFields) {
  const current = await findInterview(tx, actor, interviewId);
  await findEditableVisit(tx, current.visitId);
  checkRules(fields, fields.notes);
  const dueDate = followUpDueDate(fields);
  // A new due date opens a new follow-up; withdrawn consent erases the notes already taken.
  const dueChanged = dueDate?.getTime() !== current.followUpDue?.getTime();
  const notes = !fields.consentGiven ? encrypted(actor.tenantId, interviewId, "") : fields.notes === undefined ? {} : encrypted(actor.tenantId, interviewId, fields.notes);
  const updated = await pseudonymTaken(() =>
    tx.interview.update({
      where: { tenantId_id: { tenantId: actor.tenantId, id: interviewId } },
      data: {
        pseudonym: fields.pseudonym, category: fields.category, consentGiven: fields.consentGiven, allegations: fields.allegations,
        reprisalRisk: fields.reprisalRisk, followUpDue: dueDate, updatedAt: new Date(),
        ...(dueChanged ? { followUpCheckedAt: null, followUpCheckedById: null } : {}),
        ...notes,
      },
      select: interviewSummary,
    }),
  );
  await recordAudit(tx, actor, {
    action: "interview.updated", targetType: "interview", targetId: interviewId,
    details: { visitId: current.visitId, notesChanged: "notesKeyId" in notes, reprisalRisk: fields.reprisalRisk },
  });
  return summary(updated);
}
