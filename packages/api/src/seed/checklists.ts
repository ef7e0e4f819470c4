import { withTenant, type Prisma, type TenantTx } from "@vigil/db";
import { answerValueSchema, templateContent, type Question } from "../templates/content.ts";
import type { DemoWorkspaceContext } from "./context.ts";
import { KRUSEVAC_ANSWERS, type DemoAnswer } from "./krusevac-answers.ts";

const KRUSEVAC_PLACE = "Police Department Kruševac";
const KRUSEVAC_NIGHT = new Date("2014-06-12");

/**
 * The filled checklist of the night visit to the police department in Kruševac (June 2014): the
 * detention premises not adequate, the custody register incomplete, and the rest as the report
 * found it. The template is another part's seed, so questions are recognised by their words rather
 * than by id, and every value is checked against the question's kind; a question no rule fits is
 * left unanswered. Written directly (the visit is closed, so the app itself would refuse edits).
 */
export async function seedChecklists(workspace: DemoWorkspaceContext): Promise<void> {
  const marko = workspace.memberIds.get("marko.jovanovic@npm-serbia.example");
  if (!marko) return; // Only the Serbian workspace made this visit.
  await withTenant(workspace.tenantId, workspace.ownerId, async (tx) => {
    const visit = await tx.visit.findFirst({
      where: { place: { name: KRUSEVAC_PLACE }, plannedStart: KRUSEVAC_NIGHT, templateVersionId: { not: null } },
      select: { id: true, templateVersion: { select: { content: true } } },
    });
    const parsed = templateContent.safeParse(visit?.templateVersion?.content);
    if (!visit || !parsed.success) return;
    const questions = parsed.data.sections.flatMap((section) => section.questions);
    for (const [index, question] of questions.entries()) {
      const answer = answerFor(question);
      if (!answer) continue;
      // Marko filled the checklist on the night; Jelena, leading the visit, completed some notes the next morning.
      const revisedBy = index % 4 === 0 && answer.note ? workspace.ownerId : null;
      await writeAnswer(tx, workspace.tenantId, visit.id, question.id, answer, marko, revisedBy);
    }
  });
}

function textOf(question: Question): string {
  return Object.values(question.text).join(" ");
}

/** The first rule that fits the question's words, as a value valid for its kind. */
function answerFor(question: Question): { value: Prisma.InputJsonValue; note: string | null } | null {
  const words = textOf(question);
  for (const rule of KRUSEVAC_ANSWERS) {
    if (!rule.pattern.test(words)) continue;
    const value = valueFor(question, rule);
    if (value !== undefined && answerValueSchema(question).safeParse(value).success) return { value, note: rule.note ?? null };
  }
  return null;
}

function valueFor(question: Question, rule: DemoAnswer): Prisma.InputJsonValue | undefined {
  const options = question.options ?? [];
  const pick = (pattern: RegExp | undefined) => options.find((o) => pattern && Object.values(o.label).some((label) => pattern.test(label)))?.id;
  switch (question.kind) {
    case "yes_no_na":
      return rule.yesNo;
    case "single_choice":
      return pick(rule.choose);
    case "multiple_choice": {
      const chosen = options.filter((o) => rule.choose && Object.values(o.label).some((label) => rule.choose!.test(label))).map((o) => o.id);
      return chosen.length > 0 ? chosen : undefined;
    }
    case "number":
      return rule.number;
    case "date":
      return rule.date ?? "2014-06-12";
    case "short_text":
    case "long_text":
      return rule.text;
  }
}

async function writeAnswer(
  tx: TenantTx, tenantId: string, visitId: string, questionId: string,
  answer: { value: Prisma.InputJsonValue; note: string | null }, firstBy: string, revisedBy: string | null,
) {
  const night = new Date("2014-06-12T23:40:00Z");
  const morning = new Date("2014-06-13T09:15:00Z");
  const revisions = revisedBy
    ? [{ revision: 1, note: null, by: firstBy, at: night }, { revision: 2, note: answer.note, by: revisedBy, at: morning }]
    : [{ revision: 1, note: answer.note, by: firstBy, at: night }];
  const last = revisions[revisions.length - 1]!;
  const created = await tx.checklistAnswer.upsert({
    where: { tenantId_visitId_questionId: { tenantId, visitId, questionId } },
    create: { tenantId, visitId, questionId, value: answer.value, note: last.note, revision: last.revision, updatedById: last.by, updatedAt: last.at },
    update: {},
    select: { id: true, revision: true },
  });
  if (created.revision !== last.revision) return; // Already seeded.
  await tx.checklistAnswerRevision.createMany({
    data: revisions.map((r) => ({ tenantId, answerId: created.id, revision: r.revision, value: answer.value, note: r.note, changedById: r.by, changedAt: r.at })),
    skipDuplicates: true,
  });
}
