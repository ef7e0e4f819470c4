import { randomUUID } from "node:crypto";
import { withTenant, type TenantTx } from "@vigil/db";
import { storageKeyFor, storeAttachment } from "../attachments/storage.ts";
import { encryptNotes, notesAad } from "../interviews/notes-crypto.ts";
import type { DemoWorkspaceContext } from "./context.ts";
import { DEMO_EVIDENCE, demoPdf, type DemoVisitEvidence } from "./evidence-content.ts";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Demo findings, evidence files and confidential interviews (with encrypted notes) for the visits
 * the visit part seeds. Rows are written directly, not through the services, because most demo
 * visits are closed and the services rightly refuse to change a closed visit. Follow-ups of visits
 * still under way are due soon after today, so the dashboard shows them; older ones are checked.
 */
export async function seedEvidence(workspace: DemoWorkspaceContext): Promise<void> {
  const planned = DEMO_EVIDENCE[workspace.countryCode] ?? [];
  // As the owner: interviews are need-to-know under row-level security.
  await withTenant(workspace.tenantId, workspace.ownerId, async (tx) => {
    for (const evidence of planned) {
      const visit = await findDemoVisit(tx, evidence);
      if (visit) await seedVisitEvidence(tx, workspace, visit, evidence);
    }
  });
}

async function findDemoVisit(tx: TenantTx, evidence: DemoVisitEvidence) {
  return tx.visit.findFirst({
    where: { place: { name: evidence.place }, ...(evidence.plannedStart ? { plannedStart: new Date(evidence.plannedStart) } : { status: { not: "cancelled" } }) },
    select: { id: true, status: true, plannedStart: true },
    orderBy: { plannedStart: "desc" },
  });
}

type DemoVisit = NonNullable<Awaited<ReturnType<typeof findDemoVisit>>>;

async function seedVisitEvidence(tx: TenantTx, workspace: DemoWorkspaceContext, visit: DemoVisit, evidence: DemoVisitEvidence) {
  const { tenantId, ownerId } = workspace;
  const underWay = ["planned", "in_progress", "report_drafting"].includes(visit.status);
  for (const finding of evidence.findings) {
    const created = await tx.finding.create({
      data: { tenantId, visitId: visit.id, theme: finding.theme, text: finding.text, severity: finding.severity, createdById: ownerId },
      select: { id: true },
    });
    if (finding.evidence) {
      const id = randomUUID();
      const storageKey = storageKeyFor(tenantId, id);
      const stored = await storeAttachment([demoPdf(finding.evidence)], storageKey);
      await tx.attachment.create({
        data: {
          tenantId, id, visitId: visit.id, findingId: created.id, fileName: finding.evidence, contentType: stored.contentType,
          sizeBytes: BigInt(stored.sizeBytes), sha256: new Uint8Array(stored.sha256), storageKey, uploadedById: ownerId,
        },
      });
    }
  }
  for (const interview of evidence.interviews) {
    const id = randomUUID();
    const { ciphertext, keyId } = encryptNotes(interview.notes, notesAad(tenantId, id));
    const risk = interview.followUpAfterDays !== null;
    const due = underWay ? new Date(Date.now() + (interview.followUpAfterDays ?? 0) * DAY) : new Date(visit.plannedStart.getTime() + (interview.followUpAfterDays ?? 0) * DAY);
    await tx.interview.create({
      data: {
        tenantId, id, visitId: visit.id, pseudonym: interview.pseudonym, category: interview.category, consentGiven: true,
        allegations: interview.allegations, reprisalRisk: risk, followUpDue: risk ? new Date(due.toISOString().slice(0, 10)) : null,
        followUpCheckedAt: risk && !underWay ? due : null, followUpCheckedById: risk && !underWay ? ownerId : null,
        notesCiphertext: new Uint8Array(ciphertext), notesKeyId: keyId, createdById: ownerId,
      },
    });
  }
}
