import type { RecommendationPriority, RecommendationStatus, RecommendationUpdateSource, VisitStatus, VisitType } from "@vigil/db";

/** A fixed day ("2014-06-30"), or a number of days from today, so recent deadlines stay ahead. */
export type Day = string | number;

/** A visit found by its place (the registry's name) and first day, as the visit seed planned it. */
export type VisitRef = { place: string; start: Day };

/** A visit this seed plans itself (the template is picked from the place's type). */
export type NewVisit = VisitRef & {
  end: Day;
  type: VisitType;
  status: VisitStatus;
  nightVisit?: boolean;
  announced?: boolean;
  objectives: string;
  /** Demo members by e-mail: the first leads the visit, the others monitor. */
  team: string[];
};

/** One entry of a recommendation's timeline. */
export type DemoUpdate = {
  on: Day;
  source: RecommendationUpdateSource;
  status: RecommendationStatus;
  text: string;
  /** The answering authority (registry name), for responses. */
  from?: string;
  /** The visit that verified it on site, for follow-up visits. */
  visit?: VisitRef;
};

export type DemoRecommendation = {
  text: string;
  /** Free-text themes in the workspace's language, like the findings' themes. */
  themes: string[];
  priority: RecommendationPriority;
  /** Addressee authorities (registry names). */
  to: string[];
  updates: DemoUpdate[];
};

export type DemoReport = {
  visit: VisitRef | NewVisit;
  /** The visit whose recommendations this (follow-up) visit verifies. */
  followUpOf?: VisitRef;
  summary: string;
  /** The day the report went out; null keeps it a draft. */
  sentOn: Day | null;
  recommendations: DemoRecommendation[];
};

export function recommendation(priority: RecommendationPriority, to: string[], themes: string[], text: string, ...updates: DemoUpdate[]): DemoRecommendation {
  return { text, themes, priority, to, updates };
}

/** The authority's answer. */
export function reply(on: Day, from: string, status: RecommendationStatus, text: string): DemoUpdate {
  return { on, source: "authority_response", from, status, text };
}

/** What a follow-up visit found on site. */
export function verified(on: Day, visit: VisitRef, status: RecommendationStatus, text: string): DemoUpdate {
  return { on, source: "follow_up_visit", visit, status, text };
}

/** The NPM's own assessment (e.g. from the authority's annual data or the press). */
export function assessed(on: Day, status: RecommendationStatus, text: string): DemoUpdate {
  return { on, source: "npm_assessment", status, text };
}
