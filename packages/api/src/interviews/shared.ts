// Shared by the server and the browser: no Node imports here.
import { FindingSeverity, IntervieweeCategory } from "@vigil/db/enums";

export { PHOTO_TYPES } from "../attachments/photo-types.ts";

/** Where and by whom ill-treatment is alleged; a fixed list so allegations can be counted across visits. */
export const ALLEGATION_CODES = [
  "during_arrest",
  "during_transport",
  "during_questioning",
  "in_custody",
  "by_staff",
  "by_other_detainees",
  "threats_or_intimidation",
  "safeguards_denied",
] as const;
export type AllegationCode = (typeof ALLEGATION_CODES)[number];

export const INTERVIEWEE_CATEGORIES = Object.values(IntervieweeCategory);
export type IntervieweeCategoryCode = (typeof INTERVIEWEE_CATEGORIES)[number];

const PREFIX: Record<IntervieweeCategoryCode, string> = { detainee: "D", staff: "S", other: "O" };

/**
 * The next free code for a category ("D-01", "D-02", "S-01" ...): short, meaningless outside the
 * visit, so no one types a name into the pseudonym field because they had nothing better to hand.
 */
export function suggestPseudonym(existing: readonly string[], category: IntervieweeCategoryCode): string {
  const prefix = PREFIX[category];
  const taken = new Set(existing.map((code) => code.toUpperCase()));
  for (let n = 1; ; n++) {
    const code = `${prefix}-${String(n).padStart(2, "0")}`;
    if (!taken.has(code)) return code;
  }
}

export const FINDING_SEVERITIES = Object.values(FindingSeverity);
