import { appDb } from "@vigil/db";
import { localizedName, type Locale } from "@vigil/i18n";
import type { ReportDocument } from "../reports/document.ts";
import type { ReportLanguage } from "../reports/inputs.ts";
import type { NamedJson, PublicFigure, PublicJointVisit, PublicPostDocument, PublicReportDocument, PublicSiteHome } from "./documents.ts";

/**
 * The visitor's only way into the database (docs/decisions/0201): the public_site_* SECURITY
 * DEFINER functions, called by the application's role outside any workspace. Each returns published
 * content alone, or null: an unknown slug, a site that is off, a draft, a scheduled post, a report
 * that is not published all read as null, and the pages answer them with the same 404.
 */
async function one<T>(query: Promise<{ document: T | null }[]>): Promise<T | null> {
  const [row] = await query;
  return row?.document ?? null;
}

export function publicSiteHome(slug: string): Promise<PublicSiteHome | null> {
  return one(appDb().$queryRaw<{ document: PublicSiteHome | null }[]>`SELECT public_site_home(${slug}) AS document`);
}

export function publicSitePost(slug: string, postSlug: string): Promise<PublicPostDocument | null> {
  return one(appDb().$queryRaw<{ document: PublicPostDocument | null }[]>`SELECT public_site_post(${slug}, ${postSlug}) AS document`);
}

export function publicSiteReport(slug: string, reportId: string): Promise<PublicReportDocument | null> {
  return one(appDb().$queryRaw<{ document: PublicReportDocument | null }[]>`SELECT public_site_report(${slug}, ${reportId}::uuid) AS document`);
}

export function publicSiteFigures(slug: string): Promise<PublicFigure[] | null> {
  return one(appDb().$queryRaw<{ document: PublicFigure[] | null }[]>`SELECT public_site_figures(${slug}) AS document`);
}

/** The joint visits the site mentions whose host has published the report (docs/decisions/0257). */
export async function publicSiteJointVisits(slug: string): Promise<PublicJointVisit[]> {
  return (await one(appDb().$queryRaw<{ document: PublicJointVisit[] | null }[]>`SELECT public_site_joint_visits(${slug}) AS document`)) ?? [];
}

export async function publicSitePostImage(slug: string, postSlug: string): Promise<{ storageKey: string; contentType: string } | null> {
  const [row] = await appDb().$queryRaw<{ storage_key: string; content_type: string }[]>`SELECT storage_key, content_type FROM public_site_post_image(${slug}, ${postSlug})`;
  return row ? { storageKey: row.storage_key, contentType: row.content_type } : null;
}

/**
 * The public report in the shape the report PDF renders: no team (the renderer leaves the section
 * out), no findings (monitors' own words, never public: docs/decisions/0268), and only the
 * recommendations the public document holds, so the PDF says what the public page says.
 */
export function publicReportPdfDocument(site: { name: string; slug: string }, report: PublicReportDocument, language: Locale): ReportDocument {
  const named = (entity: NamedJson) => localizedName({ name: entity.name, nameTranslations: entity.names }, language);
  return {
    workspace: { name: site.name, slug: site.slug },
    visit: {
      id: report.id,
      type: report.visit.type as ReportDocument["visit"]["type"],
      nightVisit: report.visit.nightVisit,
      announced: report.visit.announced,
      plannedStart: new Date(report.visit.startsOn),
      plannedEnd: new Date(report.visit.endsOn),
      place: { name: named(report.place), type: report.place.type as ReportDocument["visit"]["place"]["type"], municipality: report.place.municipality },
      findings: [],
    },
    team: [],
    report: {
      id: report.id,
      language: report.language as ReportLanguage,
      summary: report.summary,
      status: "sent",
      sentAt: new Date(report.sentAt),
      recommendations: report.recommendations.map((r) => ({
        number: r.number,
        text: r.text,
        priority: r.priority,
        themeTags: r.themeTags,
        dueDate: r.dueDate ? new Date(r.dueDate) : null,
        addressees: r.addressees.map((a) => ({ id: a.id, name: named(a), kind: a.kind as ReportDocument["report"]["recommendations"][number]["addressees"][number]["kind"] })),
      })),
    },
  };
}
