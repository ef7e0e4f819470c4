import type { TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor } from "../core/actor.ts";
import type { ReportLanguage } from "./inputs.ts";

/**
 * What the report's PDF contains, read with explicit selects: the workspace, the place, the
 * visit's dates and team, its findings and the numbered recommendations with their addressees.
 * Interviews are never read here (OPCAT art. 21: no personal data without consent; "do no harm"),
 * so no pseudonym, allegation or note can reach the document.
 */
export async function reportDocument(tx: TenantTx, actor: Actor, visitId: string) {
  const visit = await tx.visit.findFirst({
    where: { id: visitId },
    select: {
      id: true, type: true, nightVisit: true, announced: true, plannedStart: true, plannedEnd: true,
      place: { select: { name: true, type: true, municipality: true } },
      team: { select: { visitRole: true, externalName: true, externalExpertise: true, user: { select: { name: true } } }, orderBy: [{ visitRole: "asc" }, { createdAt: "asc" }] },
      findings: { select: { theme: true, text: true, severity: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      report: {
        select: {
          id: true, language: true, summary: true, status: true, sentAt: true,
          recommendations: {
            select: { number: true, text: true, priority: true, themeTags: true, dueDate: true, addressees: { select: { authority: { select: { id: true, name: true, kind: true } } } } },
            orderBy: { number: "asc" },
          },
        },
      },
    },
  });
  if (!visit) fail("NOT_FOUND", "errors.notFound");
  if (!visit.report) fail("NOT_FOUND", "reportErrors.noReport");
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { name: true, slug: true } });
  await recordAudit(tx, actor, {
    action: "report.exported", targetType: "report", targetId: visit.report.id,
    details: { visitId: visit.id, format: "pdf" },
  });
  const { report, team, ...rest } = visit;
  return {
    workspace: tenant,
    visit: rest,
    team: team.map((member) => ({
      name: member.user?.name ?? member.externalName ?? "",
      visitRole: member.visitRole,
      external: member.user === null,
      expertise: member.externalExpertise,
    })),
    report: {
      ...report,
      language: report.language as ReportLanguage,
      recommendations: report.recommendations.map(({ addressees, ...recommendation }) => ({ ...recommendation, addressees: addressees.map((a) => a.authority) })),
    },
  };
}

export type ReportDocument = Awaited<ReturnType<typeof reportDocument>>;

/**
 * The download's file name: place, first visit day, language; safe for every file system. NFC, not
 * NFKD: decomposed, "ž" would leave a combining mark that is no letter ("Poz-arevac").
 */
export function reportFileName(document: ReportDocument): string {
  const place = document.visit.place.name.normalize("NFC").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return `report-${place || "visit"}-${document.visit.plannedStart.toISOString().slice(0, 10)}-${document.report.language}.pdf`;
}
