import { visitRoleSchema, type TeamMemberInput } from "@vigil/api/inputs";
import { z } from "zod";
import { parseForm } from "../../lib/parse-form.server";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** A visit role from one of the team fields; call it inside runAction (an unknown role is a field error). */
const visitRole = (form: FormData, name: "memberRole" | "expertRole") => parseForm(form, z.object({ [name]: visitRoleSchema }))[name]!;

/** A workspace member from the member fields, if one was chosen. */
export function memberFrom(form: FormData): TeamMemberInput | null {
  const userId = text(form, "memberId");
  return userId ? { kind: "member", userId, visitRole: visitRole(form, "memberRole") } : null;
}

/** An external expert from the expert fields, if a name was given. */
export function expertFrom(form: FormData): TeamMemberInput | null {
  const name = text(form, "expertName");
  return name ? { kind: "external", name, expertise: text(form, "expertExpertise") || null, visitRole: visitRole(form, "expertRole") } : null;
}
