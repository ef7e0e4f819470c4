type VisitRole = "lead" | "monitor" | "doctor" | "psychiatrist" | "lawyer" | "interpreter";
export type TeamMemberFormInput =
  | { kind: "member"; userId: string; visitRole: VisitRole }
  | { kind: "external"; name: string; expertise: string | null; visitRole: VisitRole };

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** A workspace member from the member fields, if one was chosen. */
export function memberFrom(form: FormData): TeamMemberFormInput | null {
  const userId = text(form, "memberId");
  return userId ? { kind: "member", userId, visitRole: text(form, "memberRole") as VisitRole } : null;
}

/** An external expert from the expert fields, if a name was given. */
export function expertFrom(form: FormData): TeamMemberFormInput | null {
  const name = text(form, "expertName");
  return name ? { kind: "external", name, expertise: text(form, "expertExpertise") || null, visitRole: text(form, "expertRole") as VisitRole } : null;
}
