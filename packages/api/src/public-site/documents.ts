import type { Locale } from "@vigil/i18n";

/**
 * The shapes of what the public_site_* SQL functions return (migration 20270120000000): the only
 * data a visitor's page is built from. Dates arrive as ISO strings (JSON).
 */
export type NamedJson = { name: string; names: Partial<Record<Locale, string>> | null };

export type PublicPostDocument = {
  id: string;
  slug: string;
  publishedAt: string | null;
  updatedAt: string;
  hasImage: boolean;
  imageAlt: Partial<Record<Locale, string>>;
  translations: Partial<Record<Locale, { title: string; body: string }>>;
  report: { id: string } | null;
  place: NamedJson | null;
  forum: { name: string; startsOn: string | null; place: string | null } | null;
};

type PublicTimelineEntry = {
  id: string;
  occurredOn: string;
  source: "authority_response" | "follow_up_visit" | "npm_assessment";
  resultingStatus: string;
  text: string;
  authority: NamedJson | null;
};

export type PublicRecommendation = {
  id: string;
  number: number;
  text: string;
  status: string;
  dueDate: string | null;
  priority: "low" | "medium" | "high";
  themeTags: string[];
  addressees: (NamedJson & { id: string; kind: string })[];
  timeline: PublicTimelineEntry[];
};

export type PublicReportDocument = {
  id: string;
  language: Locale;
  summary: string;
  sentAt: string;
  publishedAt: string | null;
  visit: { startsOn: string; endsOn: string; type: string; nightVisit: boolean; announced: boolean };
  place: NamedJson & { id: string; type: string; municipality: string | null };
  recommendations: PublicRecommendation[];
};

export type PublicReportListing = {
  id: string;
  sentAt: string;
  publishedAt: string;
  language: Locale;
  visitStartsOn: string;
  place: NamedJson & { type: string };
};

export type PublicSiteHome = {
  slug: string;
  name: string;
  countryCode: string;
  languages: Locale[];
  mandate: Partial<Record<Locale, string>>;
  updatedAt: string;
  posts: PublicPostDocument[];
  reports: PublicReportListing[];
};

export type PublicFigure = {
  dimension: "year" | "placeType" | "authority";
  key: string;
  names: NamedJson | null;
  total: number;
  implemented: number;
  partiallyImplemented: number;
};

/** A joint visit a partner mentions, as public_site_joint_visits returns it (migration 20270180000000). */
export type PublicJointVisit = {
  hostName: string;
  hostSlug: string;
  reportId: string;
  startsOn: string;
  endsOn: string;
  place: NamedJson & { type: string };
};
