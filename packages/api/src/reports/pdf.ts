import { createRequire } from "node:module";
import { formatDate, translator } from "@vigil/i18n";
import type { ReportDocument } from "./document.ts";

export { reportFileName, type ReportDocument } from "./document.ts";

/**
 * Renders a visit report as PDF on the server (pdfkit). PDF's standard fonts have no Cyrillic,
 * so DejaVu Sans is embedded from the `dejavu-fonts-ttf` package (it ships with the dependencies,
 * never taken from the operating system). Labels are in the report's language, not the reader's.
 */

const require = createRequire(import.meta.url);
const FONT = { regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf") };

type Recommendation = ReportDocument["report"]["recommendations"][number];
type AddresseeGroup = { key: string; heading: string | null; recommendations: Recommendation[] };

/**
 * One group per addressee, in the order they first appear; a recommendation to an institution
 * and its ministry appears in both groups, under the same number.
 */
function groupByAddressee(recommendations: Recommendation[]): AddresseeGroup[] {
  const groups = new Map<string, AddresseeGroup>();
  for (const recommendation of recommendations) {
    const addressees = recommendation.addressees.length > 0 ? recommendation.addressees : [null];
    for (const authority of addressees) {
      const key = authority?.id ?? "";
      const group = groups.get(key) ?? { key, heading: authority?.name ?? null, recommendations: [] };
      group.recommendations.push(recommendation);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

/** `publicVersion`: the public site's copy (issue 17), which names no team member and has no findings section. */
export async function renderReportPdf(document: ReportDocument, { publicVersion = false }: { publicVersion?: boolean } = {}): Promise<Buffer> {
  // Loaded on the first PDF, not at start: pdfkit and its font tables cost ~10 MB that most server
  // processes never use (docs/decisions/0180).
  const { default: PDFDocument } = await import("pdfkit");
  const language = document.report.language;
  const t = translator(language);
  // Visit days and due dates are calendar dates (UTC midnight): formatted in UTC, they stay the same day everywhere.
  const day = (date: Date) => formatDate(language, date, "long", "UTC");
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    lang: language,
    info: { Title: t("reportPdf.title", { place: document.visit.place.name }), Author: document.workspace.name, Creator: "Vigil" },
    bufferPages: true,
  });
  pdf.registerFont("body", FONT.regular);
  pdf.registerFont("bold", FONT.bold);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  const heading = (text: string) => pdf.moveDown(0.8).font("bold").fontSize(13).fillColor("#0f172a").text(text).moveDown(0.3);
  const paragraph = (text: string, options: PDFKit.Mixins.TextOptions = {}) => pdf.font("body").fontSize(10.5).fillColor("#1e293b").text(text, options);
  const labelled = (label: string, value: string) => {
    pdf.font("bold").fontSize(10.5).fillColor("#1e293b").text(`${label}: `, { continued: true });
    pdf.font("body").text(value);
  };

  const { visit, report } = document;
  pdf.font("body").fontSize(10).fillColor("#475569").text(document.workspace.name);
  pdf.moveDown(0.3).font("bold").fontSize(18).fillColor("#0f172a").text(t("reportPdf.title", { place: visit.place.name }));
  if (report.status === "draft") pdf.font("bold").fontSize(11).fillColor("#b91c1c").text(t("reportPdf.draftMark"));
  pdf.moveDown(0.6);
  labelled(t("reportPdf.npm"), document.workspace.name);
  labelled(t("reportPdf.place"), `${visit.place.name} (${t(`visitPlaceTypes.${visit.place.type}`)})`);
  const dates = visit.plannedStart.getTime() === visit.plannedEnd.getTime() ? day(visit.plannedStart) : `${day(visit.plannedStart)} – ${day(visit.plannedEnd)}`;
  labelled(t("reportPdf.visitDates"), dates);
  const kind = [t(`visitTypes.${visit.type}`), visit.announced ? t("reportPdf.announced") : t("reportPdf.unannounced")];
  if (visit.nightVisit) kind.push(t("reportPdf.nightVisit"));
  labelled(t("reportPdf.visitType"), kind.join(", "));
  labelled(t("reportPdf.status"), report.sentAt ? t("reportPdf.sentOn", { date: day(report.sentAt) }) : t("reportPdf.notSent"));

  if (!publicVersion) {
    heading(t("reportPdf.team"));
    if (document.team.length === 0) paragraph(t("reportPdf.noTeam"));
    for (const member of document.team) {
      const role = t(`visitRoles.${member.visitRole}`);
      const external = member.external ? `, ${t("reportPdf.externalExpert")}${member.expertise ? ` (${member.expertise})` : ""}` : "";
      paragraph(`• ${member.name} — ${role}${external}`);
    }
  }

  if (report.summary) {
    heading(t("reportPdf.summary"));
    paragraph(report.summary, { align: "left" });
  }

  // The public copy has no findings section at all: it never holds findings (docs/decisions/0268),
  // and "no findings" would tell visitors something untrue.
  if (!publicVersion) {
    heading(t("reportPdf.findings"));
    if (visit.findings.length === 0) paragraph(t("reportPdf.noFindings"));
    for (const finding of visit.findings) {
      pdf.font("bold").fontSize(10.5).fillColor("#1e293b").text(`${finding.theme} (${t(`severities.${finding.severity}`)})`);
      paragraph(finding.text).moveDown(0.4);
    }
  }

  heading(t("reportPdf.recommendations"));
  if (report.recommendations.length === 0) paragraph(t("reportPdf.noRecommendations"));
  for (const group of groupByAddressee(report.recommendations)) {
    pdf.moveDown(0.3).font("bold").fontSize(11.5).fillColor("#0f172a").text(group.heading ? t("reportPdf.addressedTo", { authority: group.heading }) : t("reportPdf.noAddressee"));
    pdf.moveDown(0.2);
    for (const recommendation of group.recommendations) {
      pdf.font("bold").fontSize(10.5).fillColor("#1e293b").text(`${recommendation.number}. `, { continued: true });
      pdf.font("body").text(recommendation.text);
      const facts = [`${t("reportPdf.priority")}: ${t(`reportPdf.priorities.${recommendation.priority}`)}`];
      if (recommendation.themeTags.length > 0) facts.push(`${t("reportPdf.themes")}: ${recommendation.themeTags.join(", ")}`);
      if (recommendation.dueDate) facts.push(t("reportPdf.responseDue", { date: day(recommendation.dueDate) }));
      pdf.font("body").fontSize(9).fillColor("#475569").text(facts.join(" · ")).moveDown(0.4);
    }
  }

  // Page numbers last, once the number of pages is known.
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    pdf.switchToPage(index);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font("body").fontSize(8).fillColor("#64748b").text(t("reportPdf.page", { page: index + 1, pages: range.count }), 56, pdf.page.height - 36, { align: "center", width: pdf.page.width - 112 });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return finished;
}
