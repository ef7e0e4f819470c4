import { visitTypeSchema } from "@vigil/api/inputs";
import { z } from "zod";
import { parseForm } from "../../lib/parse-form.server";
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

/** The plan as the procedures take it; the server validates every value again. Call it inside runAction. */
export function planInputFrom(values: PlanValues) {
  return {
    type: parseForm({ type: values.type }, z.object({ type: visitTypeSchema })).type,
    announced: values.announced,
    nightVisit: values.nightVisit,
    plannedStart: values.plannedStart,
    plannedEnd: values.plannedEnd,
    objectives: values.objectives || null,
    templateVersionId: values.templateVersionId || null,
  };
}
