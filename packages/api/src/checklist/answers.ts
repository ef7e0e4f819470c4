import { Prisma, type TenantTx } from "@vigil/db";
import { answerValueSchema, findQuestion, templateContent, type TemplateContent } from "../templates/content.ts";
import { fail } from "../core/errors.ts";
import { type AuthorWorkspace, withAuthorWorkspace, withAuthorWorkspaces } from "../joint-visits/attribution.ts";
import { hasRole } from "../core/roles.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor } from "../core/actor.ts";
import { assertVisitEditable, isVisitEditable } from "../visits/status-rules.ts";

/** An answer as the checklist shows it; `revision` 0 means "never answered". */
export type AnswerState = {
  questionId: string;
  value: Prisma.JsonValue | null;
  note: string | null;
  revision: number;
  updatedAt: Date | null;
  updatedBy: { id: string; name: string } | null;
  /** The partner workspace the last save came from, on a joint visit; null for the host's own. */
  authorWorkspace: AuthorWorkspace;
};

export type SaveAnswerInput = {
  visitId: string;
  questionId: string;
  value: unknown;
  note: string | null;
  /** The revision the editor started from (0 for a question nobody had answered). */
  baseRevision: number;
};

const person = { select: { id: true, name: true } } as const;

async function findVisit(tx: TenantTx, visitId: string) {
  const visit = await tx.visit.findFirst({
    where: { id: visitId },
    select: {
      id: true, status: true, plannedStart: true, plannedEnd: true, nightVisit: true, type: true,
      place: { select: { id: true, name: true } },
      templateVersion: { select: { id: true, version: true, languages: true, content: true, template: { select: { name: true } } } },
    },
  });
  if (!visit) fail("NOT_FOUND", "errors.notFound");
  return visit;
}

/** A published version's content; it was validated when it was written, so a failure here is a bug. */
function parseContent(content: Prisma.JsonValue): TemplateContent {
  return templateContent.parse(content);
}

/** The visit, its template version's questions and the current answers. */
export async function getChecklist(tx: TenantTx, actor: Actor, visitId: string) {
  const visit = await findVisit(tx, visitId);
  const answers = await withAuthorWorkspaces(tx, visitId, await tx.checklistAnswer.findMany({
    where: { visitId },
    select: { questionId: true, value: true, note: true, revision: true, updatedAt: true, updatedBy: person, authorTenantId: true },
  }));
  const version = visit.templateVersion;
  return {
    visit: { id: visit.id, status: visit.status, type: visit.type, nightVisit: visit.nightVisit, plannedStart: visit.plannedStart, plannedEnd: visit.plannedEnd, place: visit.place },
    template: version
      ? { name: version.template.name, version: version.version, languages: version.languages, content: parseContent(version.content) }
      : null,
    answers: answers satisfies AnswerState[],
    canEdit: isVisitEditable(visit.status) && hasRole(actor.role, "monitor"),
  };
}

function sameState(a: { value: Prisma.JsonValue | null; note: string | null }, value: unknown, note: string | null): boolean {
  return JSON.stringify(a.value ?? null) === JSON.stringify(value ?? null) && (a.note ?? null) === note;
}

type LockedAnswer = { id: string; revision: number; value: Prisma.JsonValue | null; note: string | null; updated_by_id: string | null };

/**
 * Saves one answer if nobody saved it since `baseRevision`. The answer's row is locked
 * (SELECT ... FOR UPDATE; a first answer is inserted with ON CONFLICT DO NOTHING, which waits for a
 * concurrent insert of the same question to commit and then yields to it), so of two editors who started from the same revision exactly
 * one succeeds and the other gets CONFLICT naming who saved first. Every saved state is appended to
 * the answer's history.
 */
export async function saveAnswer(tx: TenantTx, actor: Actor, input: SaveAnswerInput): Promise<AnswerState> {
  const visit = await findVisit(tx, input.visitId);
  assertVisitEditable(visit.status);
  if (!visit.templateVersion) fail("BAD_REQUEST", "checklistErrors.noTemplate");
  const question = findQuestion(parseContent(visit.templateVersion.content), input.questionId);
  if (!question) fail("BAD_REQUEST", "checklistErrors.unknownQuestion", {}, "questionId");
  if (input.value !== null && !answerValueSchema(question).safeParse(input.value).success) {
    fail("BAD_REQUEST", `checklistErrors.invalidValue.${question.kind}`, {}, "value");
  }

  const value = input.value === null ? Prisma.DbNull : (input.value as Prisma.InputJsonValue);
  if (input.baseRevision === 0) {
    const [created] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO checklist_answers (tenant_id, visit_id, question_id, value, note, revision, updated_by_id)
      VALUES (${actor.tenantId}::uuid, ${input.visitId}::uuid, ${input.questionId},
        ${input.value === null ? null : JSON.stringify(input.value)}::jsonb, ${input.note}, 1, ${actor.userId}::uuid)
      ON CONFLICT (tenant_id, visit_id, question_id) DO NOTHING RETURNING id`;
    if (created) return recordRevision(tx, actor, input, created.id, 1);
  }
  const [current] = await tx.$queryRaw<LockedAnswer[]>`
    SELECT id, revision, value, note, updated_by_id FROM checklist_answers
    WHERE tenant_id = ${actor.tenantId}::uuid AND visit_id = ${input.visitId}::uuid AND question_id = ${input.questionId}
    FOR UPDATE`;
  if (!current) fail("CONFLICT", "checklistErrors.staleAnswer", { name: "—" });
  // Saving what is already there changes nothing, whichever revision the editor started from.
  if (sameState(current, input.value, input.note)) return answerState(tx, current.id);
  if (current.revision !== input.baseRevision) {
    const other = current.updated_by_id ? await tx.user.findUnique({ where: { id: current.updated_by_id }, select: { name: true } }) : null;
    fail("CONFLICT", "checklistErrors.staleAnswer", { name: other?.name ?? "—" });
  }
  const revision = current.revision + 1;
  await tx.checklistAnswer.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: current.id } },
    data: { value, note: input.note, revision, updatedById: actor.userId, updatedAt: new Date() },
  });
  return recordRevision(tx, actor, input, current.id, revision);
}

/** Appends the saved state to the answer's history and the audit log. */
async function recordRevision(tx: TenantTx, actor: Actor, input: SaveAnswerInput, answerId: string, revision: number): Promise<AnswerState> {
  await tx.checklistAnswerRevision.create({
    data: {
      tenantId: actor.tenantId, answerId, revision, note: input.note, changedById: actor.userId,
      value: input.value === null ? Prisma.DbNull : (input.value as Prisma.InputJsonValue),
    },
  });
  // One audit event per save: who changed which question of which visit, and to which revision.
  // The answer itself stays in the answer history rather than being copied into the audit log.
  await recordAudit(tx, actor, {
    action: "checklist.answerSaved", targetType: "visit", targetId: input.visitId,
    details: { questionId: input.questionId, revision },
  });
  return answerState(tx, answerId);
}

async function answerState(tx: TenantTx, answerId: string): Promise<AnswerState> {
  const answer = await tx.checklistAnswer.findFirst({
    where: { id: answerId },
    select: { visitId: true, questionId: true, value: true, note: true, revision: true, updatedAt: true, updatedBy: person, authorTenantId: true },
  });
  if (!answer) fail("NOT_FOUND", "errors.notFound");
  const { visitId, ...state } = answer;
  return withAuthorWorkspace(tx, visitId, state);
}

/** Every saved state of one question's answer, newest first (the first is the current one). */
export async function answerHistory(tx: TenantTx, visitId: string, questionId: string) {
  const visit = await findVisit(tx, visitId);
  if (!visit.templateVersion || !findQuestion(parseContent(visit.templateVersion.content), questionId)) {
    fail("BAD_REQUEST", "checklistErrors.unknownQuestion", {}, "questionId");
  }
  const revisions = await tx.checklistAnswerRevision.findMany({
    where: { answer: { visitId, questionId } },
    select: { revision: true, value: true, note: true, changedAt: true, changedBy: person, authorTenantId: true },
    orderBy: { revision: "desc" },
  });
  return withAuthorWorkspaces(tx, visitId, revisions);
}
