/**
 * What the team found on the night of 12 June 2014 at the police department in Kruševac, as answers
 * to a police custody checklist (after the NPM's published report: detention premises not adequate
 * and not renovated for lack of resources; custody records incomplete). Each rule recognises a
 * question by its words in English or Serbian; the first rule that fits answers it. More specific
 * rules come first.
 */
export type DemoAnswer = {
  pattern: RegExp;
  yesNo?: "yes" | "no" | "na";
  number?: number;
  text?: string;
  /** For choice questions: the option whose label fits. */
  choose?: RegExp;
  date?: string;
  note?: string;
};

export const KRUSEVAC_ANSWERS: DemoAnswer[] = [
  // Facility
  { pattern: /capacity|капацитет/i, number: 6, text: "6 persons in 3 cells", note: "Three cells of two places each, in the basement of the department building." },
  { pattern: /number of cells|how many cells|број ћелија|колико ћелија/i, number: 3, text: "3" },
  { pattern: /occupan|present on the day|at the time of the visit|затечен|у време посете/i, number: 2, text: "2 persons", note: "Two men held overnight: one for a traffic offence, one awaiting a misdemeanour judge." },
  { pattern: /overnight|ноћ/i, yesNo: "yes", text: "Cells are used overnight.", note: "Persons are regularly held overnight although the cells lack beds." },
  // Custody records
  { pattern: /register.*match|match.*register|corresponds?|одговара/i, yesNo: "no", note: "One of the two persons present had no entry in the register at the time of the visit." },
  { pattern: /time of (arrest|arrival|release|transfer)|times? of|време (лишења|доласка|пуштања)/i, yesNo: "no", note: "Times of release are missing in 4 of the 15 entries examined for May and June 2014." },
  { pattern: /register|record|custody log|евиденциј|регистар|записник/i, yesNo: "no", choose: /paper|папир/i, text: "A bound paper register; entries incomplete.", note: "The custody register is incomplete: times of arrest, of arrival and of release are not recorded consistently, and entries do not say who ordered the detention." },
  // Rights
  { pattern: /language|језик/i, yesNo: "no", choose: /serbian|српск/i, note: "The information sheet exists only in Serbian; no translations for foreigners." },
  { pattern: /\bsign(ed|s)?\b|signature|потпис/i, yesNo: "no", note: "Persons do not sign that they were informed of their rights." },
  { pattern: /rights|права/i, yesNo: "no", note: "Rights are explained orally by the duty officer; no written information is handed out or kept by the person." },
  // Notification
  { pattern: /notif|relative|family|third party|обавешт|сродник|породиц/i, yesNo: "yes", note: "Relatives are informed by telephone, but the time of notification is not recorded." },
  // Lawyer
  { pattern: /lawyer|legal|counsel|бранилац|адвокат/i, yesNo: "yes", note: "Officers say a lawyer is called on request; no request was recorded in the register in the period examined." },
  // Doctor
  { pattern: /injur|повред/i, yesNo: "no", note: "Injuries observed on arrival are not recorded in any form." },
  { pattern: /confidential|out of (the )?hearing|поверљив|без присуства/i, yesNo: "no", note: "When a doctor is called, police officers remain present during the examination." },
  { pattern: /doctor|medical|health|лекар|медицин|здрав/i, yesNo: "no", note: "No systematic medical screening; a doctor from the local health centre is called only when the person complains." },
  // Judicial control
  { pattern: /judge|court|judicial|судиј|судом|суду/i, yesNo: "yes", number: 48, text: "Within 48 hours", note: "Persons are brought before the misdemeanour judge the next working morning." },
  // Questioning
  { pattern: /recording|recorded|audio|video|снима/i, yesNo: "no", note: "Interviews are not audio- or video-recorded." },
  { pattern: /interview room|questioning|interrogat|саслушањ|испитивањ/i, yesNo: "na", note: "Questioning takes place in officers' offices; there is no dedicated interview room." },
  // Use of force
  { pattern: /cctv|camera|камер|видео-надзор/i, yesNo: "yes", note: "One camera covers the corridor in front of the cells; recordings are kept for 7 days. The cells themselves are not covered." },
  { pattern: /\bfix(ed|ing)?\b|attached to|radiator|везивањ|за предмет/i, yesNo: "no", note: "No signs of persons being fixed to objects; no rings or bars in the walls." },
  { pattern: /force|restraint|handcuff|средства принуде|сила|лисиц/i, yesNo: "no", note: "There is no separate register of the use of force; uses are mentioned only in officers' reports." },
  // Material conditions
  { pattern: /m²|m2|square|size|surface|површин|величин/i, yesNo: "no", number: 4.5, text: "About 4.5 m² per cell", note: "Cells measure about 4.5 m², below the 7 m² the CPT considers desirable for one person." },
  { pattern: /ceiling|плафон|висин/i, yesNo: "yes", number: 2.6, text: "2.6 m" },
  { pattern: /natural light|daylight|window|дневн|природн|прозор/i, yesNo: "no", note: "No access to natural light: the cells are in the basement and have no windows." },
  { pattern: /ventilat|\bair\b|вентилац|ваздух/i, yesNo: "no", note: "Ventilation is inadequate; the air was stale and humid on the night of the visit." },
  { pattern: /heating|temperature|грејањ|температур/i, yesNo: "yes" },
  { pattern: /mattress|blanket|bed|душек|ћебе|кревет|лежај/i, yesNo: "no", note: "Concrete benches without mattresses; blankets were dirty." },
  { pattern: /call bell|call system|alarm|звон|позив/i, yesNo: "no", note: "No call bell: persons have to knock or shout to call the duty officer." },
  { pattern: /toilet|sanitary|wash|тоалет|санитар|купатил/i, yesNo: "no", note: "No toilet in or near the cells; persons are taken to the staff toilet on request, which at night may take long." },
  { pattern: /food|meal|water|drink|храна|оброк|вода/i, yesNo: "yes", note: "Drinking water on request; food bought from a nearby bakery when a person is held longer than 12 hours." },
  { pattern: /condition|premises|\bcells?\b|просториј|ћелиј|услов/i, yesNo: "no", choose: /inadequate|poor|неодговарај|лош/i, text: "The detention premises do not meet the applicable standards: basement cells without natural light, poor ventilation, no call bell, no sanitary facilities.", note: "The department says renovation has been requested but not funded." },
  // Searches
  { pattern: /same.sex|same gender|истог пола/i, yesNo: "yes" },
  { pattern: /search|претрес/i, yesNo: "yes", note: "Pat-down searches on arrival; no written rule on strip searches." },
  // Vulnerable persons
  { pattern: /juvenile|minor|child|малолет|деца|дете/i, yesNo: "na", note: "No juveniles were held at the time; staff say juveniles are not placed in the cells." },
  { pattern: /foreign|interpret|consul|странц|преводил|конзул/i, yesNo: "na", note: "No foreigners held during the period examined." },
  { pattern: /women|female|жена|жене/i, yesNo: "na" },
  { pattern: /mental|psychiatr|менталн|психијатр/i, yesNo: "na" },
  // Complaints and training
  { pattern: /complain|притужб|жалб/i, yesNo: "no", note: "No information on how to complain is displayed or handed out." },
  { pattern: /training|обук/i, yesNo: "no", note: "Officers have had no training on the treatment of persons in custody in the last three years." },
  { pattern: /\bdate\b|датум/i, date: "2014-06-12" },
];
