import { withTenant } from "@vigil/db";
import { describe, expect, it } from "vitest";
import { answerValueSchema, type TemplateContent } from "../templates/content.ts";
import { createTestVisit } from "../testing/checklist.ts";
import { createTestUser, createTestWorkspace } from "../testing/index.ts";
import { seedChecklists } from "./checklists.ts";

// A police custody template in the shape the templates seed writes (the sections of a police custody checklist).
const POLICE_CUSTODY: TemplateContent = {
  sections: [
    { id: "facility", title: { en: "Facility" }, questions: [
      { id: "capacity", kind: "number", text: { en: "Official capacity (persons)" } },
      { id: "occupancy", kind: "number", text: { en: "Persons held at the time of the visit" } },
    ] },
    { id: "records", title: { en: "Custody records" }, questions: [
      { id: "record-per-person", kind: "yes_no_na", text: { en: "Is there one complete custody record per person?", "sr-Cyrl": "Да ли постоји потпуна евиденција за свако лице?" } },
      { id: "register-matches", kind: "yes_no_na", text: { en: "Does the register match the persons present?" } },
    ] },
    { id: "rights", title: { en: "Information on rights" }, questions: [
      { id: "rights-written", kind: "yes_no_na", text: { en: "Is written information on rights given?" } },
      { id: "rights-languages", kind: "multiple_choice", text: { en: "Languages of the information sheet" }, options: [{ id: "sr", label: { en: "Serbian" } }, { id: "en", label: { en: "English" } }] },
    ] },
    { id: "conditions", title: { en: "Material conditions" }, questions: [
      { id: "natural-light", kind: "yes_no_na", text: { en: "Do cells have access to natural light?" } },
      { id: "call-bell", kind: "yes_no_na", text: { en: "Is there a call bell in each cell?" } },
      { id: "conditions-summary", kind: "long_text", text: { en: "Overall assessment of the detention premises" } },
      { id: "visit-date", kind: "date", text: { en: "Date of the inspection of the cells" } },
    ] },
  ],
};

async function serbianWorkspace() {
  const owner = await createTestUser("Jelena Petrović");
  const monitor = await createTestUser("Marko Jovanović");
  const workspace = await createTestWorkspace(owner);
  const context = {
    tenantId: workspace.id, slug: workspace.slug, countryCode: "RS", ownerId: owner.id,
    memberIds: new Map([["jelena.petrovic@npm-serbia.example", owner.id], ["marko.jovanovic@npm-serbia.example", monitor.id]]),
  };
  return { workspace, context, owner, monitor };
}

describe("seedChecklists", () => {
  it("fills most of the Kruševac night visit's checklist with valid answers telling the report's story, once", async () => {
    const { workspace, context, owner, monitor } = await serbianWorkspace();
    const visit = await createTestVisit(workspace.id, { status: "closed", content: POLICE_CUSTODY, placeName: "Police Department Kruševac", date: "2014-06-12" });
    await seedChecklists(context);
    await seedChecklists(context);

    const answers = await withTenant(workspace.id, null, (tx) => tx.checklistAnswer.findMany({ where: { visitId: visit.id }, include: { revisions: true } }));
    const questions = POLICE_CUSTODY.sections.flatMap((s) => s.questions);
    expect(answers.length).toBeGreaterThanOrEqual(Math.ceil(questions.length * 0.8));
    for (const answer of answers) {
      const question = questions.find((q) => q.id === answer.questionId)!;
      expect(answerValueSchema(question).safeParse(answer.value).success, answer.questionId).toBe(true);
      expect(answer.revisions.map((r) => r.revision).sort()).toEqual(Array.from({ length: answer.revision }, (_, i) => i + 1));
    }
    const byId = new Map(answers.map((a) => [a.questionId, a]));
    expect(byId.get("record-per-person")?.value).toBe("no");
    expect(byId.get("natural-light")?.value).toBe("no");
    expect(byId.get("record-per-person")?.note).toMatch(/incomplete/);
    expect(byId.get("rights-languages")?.value).toEqual(["sr"]);
    // Marko answered on the night; Jelena completed some notes the next morning.
    expect(answers.some((a) => a.revision === 1 && a.updatedById === monitor.id)).toBe(true);
    expect(answers.some((a) => a.revision === 2 && a.updatedById === owner.id)).toBe(true);
  });

  it("does nothing when the workspace has no such visit", async () => {
    const { workspace, context } = await serbianWorkspace();
    await createTestVisit(workspace.id, { status: "closed", content: POLICE_CUSTODY, placeName: "Police Department Niš", date: "2014-06-12" });
    await expect(seedChecklists(context)).resolves.toBeUndefined();
    expect(await withTenant(workspace.id, null, (tx) => tx.checklistAnswer.count())).toBe(0);
  });
});
