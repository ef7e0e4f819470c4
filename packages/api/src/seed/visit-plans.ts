import type { VisitRole, VisitStatus, VisitType } from "@vigil/db";

/** One demo visit, described by the names the registry and template seeds use (see ISSUE3's interfaces). */
export type DemoVisit = {
  place: string;
  template: string | null;
  type: VisitType;
  announced: boolean;
  nightVisit: boolean;
  /** Fixed days for the record; a number is days from today, so the demo always has visits ahead. */
  start: string | number;
  end: string | number;
  status: VisitStatus;
  objectives: string;
  team: ({ email: string; role: VisitRole } | { external: string; expertise: string; role: VisitRole })[];
};

const JELENA = "jelena.petrovic@npm-serbia.example";
const MARKO = "marko.jovanovic@npm-serbia.example";
const ANA = "ana.nikolic@see-npm-network.example";
const OLENA = "olena.kovalenko@npm-ukraine.example";
const ANDRII = "andrii.shevchenko@npm-ukraine.example";

const KRUSEVAC = "Police Department Kruševac";
const BELGRADE_PRISON = "Belgrade District Prison";
const LUKYANIVSKA = "Kyiv Pre-trial Detention Centre (Lukyanivska)";
const KYIV_HOLDING = "Temporary holding facility of the National Police, Kyiv";

export const DEMO_VISITS: Record<string, DemoVisit[]> = {
  RS: [
    {
      // The night visit whose checklist the checklist seed fills (the Kruševac worked example).
      place: KRUSEVAC, template: "Police custody", type: "ad_hoc", announced: false, nightVisit: true,
      start: "2014-06-12", end: "2014-06-12", status: "closed",
      objectives: "Unannounced night visit: treatment of persons held overnight, custody records, information on rights, access to a lawyer and a doctor, conditions in the detention premises.",
      team: [
        { email: JELENA, role: "lead" },
        { email: MARKO, role: "monitor" },
        { external: "Dr Dragan Milić", expertise: "Forensic medicine", role: "doctor" },
      ],
    },
    {
      place: BELGRADE_PRISON, template: "Prison", type: "in_depth", announced: true, nightVisit: false,
      start: "2014-11-03", end: "2014-11-05", status: "report_sent",
      objectives: "In-depth visit: health care, disciplinary measures, contact with the outside world, material conditions.",
      team: [
        { email: JELENA, role: "lead" },
        { email: ANA, role: "monitor" },
        { external: "Dr Vesna Stanković", expertise: "Psychiatry", role: "psychiatrist" },
      ],
    },
    {
      place: KRUSEVAC, template: "Police custody", type: "follow_up", announced: true, nightVisit: false,
      start: -40, end: -40, status: "report_drafting",
      objectives: "Follow-up of the 2014 recommendations: renovation of the detention premises, custody records.",
      team: [{ email: MARKO, role: "lead" }],
    },
    {
      place: BELGRADE_PRISON, template: "Prison", type: "thematic", announced: false, nightVisit: false,
      start: -1, end: 1, status: "in_progress",
      objectives: "Thematic visit: health care of persons in solitary confinement.",
      team: [
        { email: JELENA, role: "lead" },
        { email: MARKO, role: "monitor" },
        { external: "Dr Ivan Petrović", expertise: "General medicine", role: "doctor" },
      ],
    },
    {
      place: KRUSEVAC, template: "Police custody", type: "ad_hoc", announced: false, nightVisit: true,
      start: 21, end: 21, status: "planned",
      objectives: "Reactive visit after a complaint about the treatment of a detained juvenile.",
      team: [{ email: MARKO, role: "lead" }, { email: ANA, role: "monitor" }],
    },
    {
      place: BELGRADE_PRISON, template: "Prison", type: "follow_up", announced: true, nightVisit: false,
      start: -75, end: -74, status: "cancelled",
      objectives: "Follow-up visit, cancelled: replaced by the thematic visit on health care.",
      team: [{ email: JELENA, role: "lead" }],
    },
  ],
  UA: [
    {
      place: LUKYANIVSKA, template: "Prison", type: "in_depth", announced: false, nightVisit: false,
      start: 14, end: 16, status: "planned",
      objectives: "In-depth visit: overcrowding, conditions in the cells, access to health care and to a lawyer for persons awaiting trial.",
      team: [
        { email: OLENA, role: "lead" },
        { email: ANDRII, role: "monitor" },
        { external: "Dr Iryna Bondarenko", expertise: "Psychiatry", role: "psychiatrist" },
        { email: ANA, role: "interpreter" },
      ],
    },
    {
      place: KYIV_HOLDING, template: "Police custody", type: "ad_hoc", announced: false, nightVisit: true,
      start: "2014-12-09", end: "2014-12-09", status: "closed",
      objectives: "Joint night visit with the Serbian NPM to exchange the police custody methodology.",
      team: [{ email: OLENA, role: "lead" }, { email: ANA, role: "monitor" }],
    },
    {
      place: LUKYANIVSKA, template: "Prison", type: "thematic", announced: true, nightVisit: false,
      start: "2025-10-06", end: "2025-10-07", status: "report_sent",
      objectives: "Thematic visit: conditions of detention of persons with disabilities.",
      team: [{ email: ANDRII, role: "lead" }, { external: "Oksana Melnyk", expertise: "Disability rights lawyer", role: "lawyer" }],
    },
    {
      place: KYIV_HOLDING, template: "Police custody", type: "follow_up", announced: false, nightVisit: false,
      start: -30, end: -30, status: "report_drafting",
      objectives: "Follow-up of the recommendations on custody records and notification of relatives.",
      team: [{ email: ANDRII, role: "lead" }],
    },
    {
      place: LUKYANIVSKA, template: "Prison", type: "ad_hoc", announced: false, nightVisit: false,
      start: 0, end: 1, status: "in_progress",
      objectives: "Reactive visit after reports of ill-treatment during a search.",
      team: [{ email: OLENA, role: "lead" }, { email: ANDRII, role: "monitor" }, { external: "Dr Taras Koval", expertise: "Forensic medicine", role: "doctor" }],
    },
    {
      place: KYIV_HOLDING, template: "Police custody", type: "in_depth", announced: true, nightVisit: false,
      start: -60, end: -60, status: "cancelled",
      objectives: "Planned in-depth visit, cancelled: the facility was closed for renovation.",
      team: [{ email: OLENA, role: "lead" }],
    },
  ],
};
