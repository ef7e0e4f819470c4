import type { PlanValues } from "./PlanFields";

/** Reads the plan fields of a visit form (checkboxes are present only when ticked). */
export function planValuesFrom(form: FormData): PlanValues {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  return {
    type: text("type"),
    announced: form.get("announced") === "on",
    nightVisit: form.get("nightVisit") === "on",
    plannedStart: text("plannedStart"),
    plannedEnd: text("plannedEnd"),
    objectives: text("objectives"),
    templateVersionId: text("templateVersionId"),
  };
}

type VisitType = "in_depth" | "thematic" | "ad_hoc" | "follow_up";

/** The plan as the procedures take it; the server validates every value again. */
export function planInputFrom(values: PlanValues) {
  return {
    type: values.type as VisitType,
    announced: values.announced,
    nightVisit: values.nightVisit,
    plannedStart: values.plannedStart,
    plannedEnd: values.plannedEnd,
    objectives: values.objectives || null,
    templateVersionId: values.templateVersionId || null,
  };
}
