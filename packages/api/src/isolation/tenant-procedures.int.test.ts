import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { withTenant, type MemberRole } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLE_ORDER } from "../core/roles.ts";
import { appRouter } from "../router.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, TEST_PASSWORD, unique, type TestUser } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";
import { createTestPlace, createTestTemplate, createTestVisit } from "../testing/visits.ts";

/**
 * The application lock, for every procedure inside a workspace: signed-out callers, members of
 * another workspace and members below the procedure's role are refused, before anything is read.
 */
type Call = (caller: Awaited<ReturnType<typeof callerFor>>["caller"], slug: string) => Promise<unknown>;
// `admitted` is the answer a member with enough rights gets: the ids below belong to nothing, so
// id-based procedures answer NOT_FOUND from the service after the membership check passed.
const otherId = randomUUID();
const TENANT_PROCEDURES: Record<string, { minRole: MemberRole; admitted: "OK" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT"; call: Call }> = {
  "workspaces.current": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.workspaces.current({ tenantSlug: slug }) },
  "members.list": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.members.list({ tenantSlug: slug }) },
  "members.invitations": { minRole: "admin", admitted: "OK", call: (c, slug) => c.members.invitations({ tenantSlug: slug }) },
  "members.invite": { minRole: "admin", admitted: "OK", call: (c, slug) => c.members.invite({ tenantSlug: slug, email: `${unique("new")}@example.org`, role: "monitor" }) },
  "members.revokeInvitation": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.members.revokeInvitation({ tenantSlug: slug, invitationId: otherId }) },
  "members.changeRole": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.members.changeRole({ tenantSlug: slug, membershipId: otherId, role: "viewer" }) },
  "members.remove": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.members.remove({ tenantSlug: slug, membershipId: otherId }) },
  "checklist.get": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.checklist.get({ tenantSlug: slug, visitId: otherId }) },
  "checklist.history": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.checklist.history({ tenantSlug: slug, visitId: otherId, questionId: "q1" }) },
  "checklist.save": {
    minRole: "monitor", admitted: "NOT_FOUND",
    call: (c, slug) => c.checklist.save({ tenantSlug: slug, visitId: otherId, questionId: "q1", value: "yes", note: null, baseRevision: 0 }),
  },
  "places.list": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.places.list({ tenantSlug: slug }) },
  "places.regions": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.places.regions({ tenantSlug: slug }) },
  "places.get": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.places.get({ tenantSlug: slug, placeId: otherId }) },
  "places.create": { minRole: "coordinator", admitted: "OK", call: (c, slug) => c.places.create({ tenantSlug: slug, name: unique("Place"), type: "prison" }) },
  "places.update": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.places.update({ tenantSlug: slug, placeId: otherId, name: "X", type: "prison" }) },
  "places.setArchived": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.places.setArchived({ tenantSlug: slug, placeId: otherId, archived: true }) },
  "authorities.list": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.authorities.list({ tenantSlug: slug }) },
  "authorities.create": { minRole: "coordinator", admitted: "OK", call: (c, slug) => c.authorities.create({ tenantSlug: slug, kind: "ministry", name: unique("Ministry") }) },
  "authorities.update": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.authorities.update({ tenantSlug: slug, authorityId: otherId, kind: "ministry", name: "X" }) },
  "authorities.setArchived": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.authorities.setArchived({ tenantSlug: slug, authorityId: otherId, archived: true }) },
  "templates.list": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.templates.list({ tenantSlug: slug }) },
  "templates.get": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.templates.get({ tenantSlug: slug, templateId: otherId }) },
  "templates.version": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.templates.version({ tenantSlug: slug, versionId: otherId }) },
  "templates.publishedVersionsFor": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.templates.publishedVersionsFor({ tenantSlug: slug, placeType: "prison" }) },
  "templates.create": { minRole: "coordinator", admitted: "OK", call: (c, slug) => c.templates.create({ tenantSlug: slug, name: unique("Template"), placeTypes: [], languages: ["en"] }) },
  "templates.updateDraft": {
    minRole: "coordinator", admitted: "NOT_FOUND",
    call: (c, slug) => c.templates.updateDraft({ tenantSlug: slug, templateId: otherId, settings: { name: "X", placeTypes: [], languages: ["en"] }, content: { sections: [] }, expectedUpdatedAt: new Date() }),
  },
  "templates.publish": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.templates.publish({ tenantSlug: slug, templateId: otherId }) },
  "templates.createDraft": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.templates.createDraft({ tenantSlug: slug, templateId: otherId }) },
  "templates.discardDraft": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.templates.discardDraft({ tenantSlug: slug, templateId: otherId }) },
  "templates.setArchived": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.templates.setArchived({ tenantSlug: slug, templateId: otherId, archived: true }) },
  "templates.export": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.templates.export({ tenantSlug: slug, versionId: otherId }) },
  "templates.import": {
    minRole: "coordinator", admitted: "OK",
    call: (c, slug) => c.templates.import({ tenantSlug: slug, text: JSON.stringify({ format: "vigil.checklist-template", formatVersion: 1, name: unique("Imported"), placeTypes: [], languages: ["en"], sections: [{ id: "s", title: { en: "S" }, questions: [] }] }) }),
  },
  // Billing is off in this file (no STRIPE_SECRET_KEY): Checkout and the Portal answer NOT_FOUND once the role check passed.
  "billing.status": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.billing.status({ tenantSlug: slug }) },
  "billing.overview": { minRole: "owner", admitted: "OK", call: (c, slug) => c.billing.overview({ tenantSlug: slug }) },
  "billing.startCheckout": { minRole: "owner", admitted: "NOT_FOUND", call: (c, slug) => c.billing.startCheckout({ tenantSlug: slug, planKey: "standard" }) },
  "billing.openPortal": { minRole: "owner", admitted: "NOT_FOUND", call: (c, slug) => c.billing.openPortal({ tenantSlug: slug }) },
  "visits.list": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.visits.list({ tenantSlug: slug }) },
  "visits.calendar": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.visits.calendar({ tenantSlug: slug, year: 2026, month: 3 }) },
  "visits.upcoming": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.visits.upcoming({ tenantSlug: slug }) },
  "visits.filterOptions": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.visits.filterOptions({ tenantSlug: slug }) },
  "visits.get": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.visits.get({ tenantSlug: slug, visitId: otherId }) },
  "visits.preparation": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.visits.preparation({ tenantSlug: slug, visitId: otherId }) },
  "visits.planningOptions": { minRole: "monitor", admitted: "OK", call: (c, slug) => c.visits.planningOptions({ tenantSlug: slug }) },
  "visits.plan": {
    minRole: "monitor",
    admitted: "NOT_FOUND",
    call: (c, slug) => c.visits.plan({ tenantSlug: slug, placeId: otherId, type: "ad_hoc", announced: false, nightVisit: true, plannedStart: "2026-01-05", plannedEnd: "2026-01-05" }),
  },
  "visits.updatePlan": {
    minRole: "monitor",
    admitted: "NOT_FOUND",
    call: (c, slug) => c.visits.updatePlan({ tenantSlug: slug, visitId: otherId, type: "ad_hoc", announced: false, nightVisit: true, plannedStart: "2026-01-05", plannedEnd: "2026-01-05" }),
  },
  "visits.addTeamMember": {
    minRole: "monitor",
    admitted: "NOT_FOUND",
    call: (c, slug) => c.visits.addTeamMember({ tenantSlug: slug, visitId: otherId, member: { kind: "external", name: "Dr. Expert", visitRole: "doctor" } }),
  },
  "visits.removeTeamMember": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.visits.removeTeamMember({ tenantSlug: slug, visitId: otherId, teamMemberId: otherId }) },
  "visits.transition": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.visits.transition({ tenantSlug: slug, visitId: otherId, to: "in_progress" }) },
  "interviews.list": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.interviews.list({ tenantSlug: slug, visitId: otherId }) },
  "interviews.create": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.interviews.create({ tenantSlug: slug, visitId: otherId, pseudonym: "D-01", category: "detainee", consentGiven: true }) },
  "interviews.update": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.interviews.update({ tenantSlug: slug, interviewId: otherId, pseudonym: "D-01", category: "detainee", consentGiven: true }) },
  "interviews.readNotes": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.interviews.readNotes({ tenantSlug: slug, interviewId: otherId }) },
  "interviews.followUpsDue": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.interviews.followUpsDue({ tenantSlug: slug }) },
  "interviews.checkFollowUp": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.interviews.checkFollowUp({ tenantSlug: slug, interviewId: otherId }) },
  "findings.list": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.findings.list({ tenantSlug: slug, visitId: otherId }) },
  "findings.create": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.findings.create({ tenantSlug: slug, visitId: otherId, theme: "Cells", text: "Dark", severity: "low" }) },
  "findings.update": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.findings.update({ tenantSlug: slug, findingId: otherId, theme: "Cells", text: "Dark", severity: "low" }) },
  "findings.delete": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.findings.delete({ tenantSlug: slug, findingId: otherId }) },
  "attachments.upload": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.attachments.upload({ tenantSlug: slug, visitId: otherId, fileName: "a.pdf", content: Readable.from([Buffer.from("%PDF-1.7")]) }) },
  "attachments.open": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.attachments.open({ tenantSlug: slug, attachmentId: otherId }) },
  "attachments.delete": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.attachments.delete({ tenantSlug: slug, attachmentId: otherId }) },
  // `required: false`, so the matrix's other members (not enrolled) keep working in the workspace.
  "twoFactor.setWorkspaceRequirement": { minRole: "owner", admitted: "OK", call: (c, slug) => c.twoFactor.setWorkspaceRequirement({ tenantSlug: slug, required: false }) },
  "auditLog.list": { minRole: "admin", admitted: "OK", call: (c, slug) => c.auditLog.list({ tenantSlug: slug, filter: {} }) },
  "auditLog.filterOptions": { minRole: "admin", admitted: "OK", call: (c, slug) => c.auditLog.filterOptions({ tenantSlug: slug }) },
  "auditLog.exportCsv": { minRole: "admin", admitted: "OK", call: (c, slug) => c.auditLog.exportCsv({ tenantSlug: slug, filter: {} }) },
  "workspaceExport.start": { minRole: "owner", admitted: "OK", call: (c, slug) => c.workspaceExport.start({ tenantSlug: slug, reauthentication: TEST_PASSWORD }) },
  "workspaceExport.list": { minRole: "owner", admitted: "OK", call: (c, slug) => c.workspaceExport.list({ tenantSlug: slug }) },
  "workspaceExport.download": { minRole: "owner", admitted: "NOT_FOUND", call: (c, slug) => c.workspaceExport.download({ tenantSlug: slug, exportId: otherId }) },
  "workspaceDeletion.status": { minRole: "owner", admitted: "OK", call: (c, slug) => c.workspaceDeletion.status({ tenantSlug: slug }) },
  // A wrong name is refused after the role check, so the matrix never deletes its workspace.
  "workspaceDeletion.schedule": { minRole: "owner", admitted: "BAD_REQUEST", call: (c, slug) => c.workspaceDeletion.schedule({ tenantSlug: slug, confirmName: "not the name", reauthentication: TEST_PASSWORD }) },
  "workspaceDeletion.restore": { minRole: "owner", admitted: "CONFLICT", call: (c, slug) => c.workspaceDeletion.restore({ tenantSlug: slug }) },
  "twoFactor.workspaceRequirement": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.twoFactor.workspaceRequirement({ tenantSlug: slug }) },
  "reports.get": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.reports.get({ tenantSlug: slug, visitId: otherId }) },
  "reports.saveDraft": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.reports.saveDraft({ tenantSlug: slug, visitId: otherId, language: "en", summary: "", expectedUpdatedAt: null }) },
  "reports.addRecommendation": {
    minRole: "monitor", admitted: "NOT_FOUND",
    call: (c, slug) => c.reports.addRecommendation({ tenantSlug: slug, visitId: otherId, text: "x", authorityIds: [], themeTags: [], priority: "medium" }),
  },
  "reports.updateRecommendation": {
    minRole: "monitor", admitted: "NOT_FOUND",
    call: (c, slug) => c.reports.updateRecommendation({ tenantSlug: slug, recommendationId: otherId, text: "x", authorityIds: [], themeTags: [], priority: "medium" }),
  },
  "reports.deleteRecommendation": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.reports.deleteRecommendation({ tenantSlug: slug, recommendationId: otherId }) },
  "reports.moveRecommendation": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.reports.moveRecommendation({ tenantSlug: slug, recommendationId: otherId, direction: "up" }) },
  "reports.similar": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.reports.similar({ tenantSlug: slug, visitId: otherId, text: "Renovate the detention premises." }) },
  "reports.send": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.reports.send({ tenantSlug: slug, visitId: otherId, sentOn: "2026-06-20" }) },
  "reports.document": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.reports.document({ tenantSlug: slug, visitId: otherId }) },
  "reports.settings": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.reports.settings({ tenantSlug: slug }) },
  // The default again, so the matrix leaves the workspace's deadline as it was.
  "reports.updateSettings": { minRole: "coordinator", admitted: "OK", call: (c, slug) => c.reports.updateSettings({ tenantSlug: slug, responseDeadlineDays: 60 }) },
  // Joint visits (docs/decisions/0100-joint-visits.md); cross-workspace isolation in joint-visits.int.test.ts.
  "jointVisits.setting": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.jointVisits.setting({ tenantSlug: slug }) },
  "jointVisits.setAllowed": { minRole: "admin", admitted: "OK", call: (c, slug) => c.jointVisits.setAllowed({ tenantSlug: slug, allow: false }) },
  "jointVisits.directory": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.jointVisits.directory({ tenantSlug: slug }) },
  "jointVisits.partners": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.partners({ tenantSlug: slug, visitId: otherId }) },
  "jointVisits.invite": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.invite({ tenantSlug: slug, visitId: otherId, partnerTenantId: otherId }) },
  "jointVisits.setInterviewSharing": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.setInterviewSharing({ tenantSlug: slug, visitId: otherId, partnerTenantId: otherId, share: true }) },
  "jointVisits.end": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.end({ tenantSlug: slug, visitId: otherId, partnerTenantId: otherId }) },
  "jointVisits.list": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.jointVisits.list({ tenantSlug: slug }) },
  "jointVisits.respond": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.respond({ tenantSlug: slug, hostTenantId: otherId, visitId: otherId, accept: true }) },
  "jointVisits.nominate": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.nominate({ tenantSlug: slug, hostTenantId: otherId, visitId: otherId, userId: otherId, visitRole: "monitor" }) },
  "jointVisits.withdraw": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.withdraw({ tenantSlug: slug, hostTenantId: otherId, visitId: otherId, userId: otherId }) },
  "jointVisits.get": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.get({ tenantSlug: slug, visitId: otherId }) },
  "jointVisits.checklist": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.checklist({ tenantSlug: slug, visitId: otherId }) },
  "jointVisits.saveAnswer": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.saveAnswer({ tenantSlug: slug, visitId: otherId, questionId: "q1", value: "yes", note: null, baseRevision: 0 }) },
  "jointVisits.history": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.history({ tenantSlug: slug, visitId: otherId, questionId: "q1" }) },
  "jointVisits.findings": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.findings({ tenantSlug: slug, visitId: otherId }) },
  "jointVisits.createFinding": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.createFinding({ tenantSlug: slug, visitId: otherId, theme: "Cells", text: "Dark", severity: "low" }) },
  "jointVisits.report": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.report({ tenantSlug: slug, visitId: otherId }) },
  "jointVisits.interviews": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.interviews({ tenantSlug: slug, visitId: otherId }) },
  "jointVisits.uploadEvidence": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.uploadEvidence({ tenantSlug: slug, visitId: otherId, fileName: "a.pdf", content: Readable.from([Buffer.from("%PDF-1.7")]) }) },
  "jointVisits.openEvidence": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.openEvidence({ tenantSlug: slug, visitId: otherId, attachmentId: otherId }) },
  "jointVisits.addRecommendation": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.addRecommendation({ tenantSlug: slug, visitId: otherId, text: "Act.", priority: "low" }) },
  "jointVisits.updateRecommendation": { minRole: "monitor", admitted: "NOT_FOUND", call: (c, slug) => c.jointVisits.updateRecommendation({ tenantSlug: slug, visitId: otherId, recommendationId: otherId, text: "Act.", priority: "low" }) },
  "recommendations.list": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.recommendations.list({ tenantSlug: slug }) },
  "recommendations.filterOptions": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.recommendations.filterOptions({ tenantSlug: slug }) },
  "recommendations.get": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.recommendations.get({ tenantSlug: slug, recommendationId: otherId }) },
  "recommendations.placeHistory": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.recommendations.placeHistory({ tenantSlug: slug, placeId: otherId }) },
  "recommendations.toVerify": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.recommendations.toVerify({ tenantSlug: slug, visitId: otherId }) },
  "recommendations.recordUpdate": {
    minRole: "monitor", admitted: "NOT_FOUND",
    call: (c, slug) => c.recommendations.recordUpdate({ tenantSlug: slug, recommendationId: otherId, occurredOn: "2014-08-25", source: "npm_assessment", resultingStatus: "accepted", text: "Accepted." }),
  },
  "recommendations.planFollowUpVisit": {
    minRole: "monitor", admitted: "NOT_FOUND",
    call: (c, slug) => c.recommendations.planFollowUpVisit({ tenantSlug: slug, visitId: otherId, plannedStart: "2015-01-15", plannedEnd: "2015-01-15", announced: false, nightVisit: false }),
  },
  "dashboard.figures": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.dashboard.figures({ tenantSlug: slug, year: 2025 }) },
  "dashboard.exportVisits": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.dashboard.exportVisits({ tenantSlug: slug, format: "csv" }) },
  "dashboard.exportRecommendations": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.dashboard.exportRecommendations({ tenantSlug: slug, format: "xlsx" }) },
  "library.browse": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.library.browse({ tenantSlug: slug, placeType: "police_custody" }) },
  "library.get": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.library.get({ tenantSlug: slug, publicationId: otherId }) },
  "library.own": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.library.own({ tenantSlug: slug }) },
  "library.publish": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.library.publish({ tenantSlug: slug, versionId: otherId }) },
  "library.unpublish": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.library.unpublish({ tenantSlug: slug, publicationId: otherId }) },
  "library.import": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.library.import({ tenantSlug: slug, publicationId: otherId }) },
  "library.importStatus": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.library.importStatus({ tenantSlug: slug, templateId: otherId }) },
  "library.takeUpdate": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.library.takeUpdate({ tenantSlug: slug, templateId: otherId, publicationId: otherId, take: [] }) },
  "forums.list": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.forums.list({ tenantSlug: slug }) },
  "forums.get": { minRole: "viewer", admitted: "NOT_FOUND", call: (c, slug) => c.forums.get({ tenantSlug: slug, forumId: otherId }) },
  "forums.create": { minRole: "admin", admitted: "OK", call: (c, slug) => c.forums.create({ tenantSlug: slug, name: unique("Forum") }) },
  "forums.invitable": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.forums.invitable({ tenantSlug: slug, forumId: otherId }) },
  "forums.invite": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.forums.invite({ tenantSlug: slug, forumId: otherId, workspaceIds: [otherId] }) },
  "forums.removeParticipant": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.forums.removeParticipant({ tenantSlug: slug, forumId: otherId, workspaceId: otherId }) },
  "forums.respond": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.forums.respond({ tenantSlug: slug, forumId: otherId, accept: true }) },
  "forums.setBenchmarkOptIn": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.forums.setBenchmarkOptIn({ tenantSlug: slug, forumId: otherId, optIn: true }) },
  "forums.addAgendaItem": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.forums.addAgendaItem({ tenantSlug: slug, forumId: otherId, title: "Opening" }) },
  "forums.removeAgendaItem": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.forums.removeAgendaItem({ tenantSlug: slug, forumId: otherId, itemId: otherId }) },
  "forums.shareDocument": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.forums.shareDocument({ tenantSlug: slug, forumId: otherId, title: "Report" }) },
  "forums.removeDocument": { minRole: "coordinator", admitted: "NOT_FOUND", call: (c, slug) => c.forums.removeDocument({ tenantSlug: slug, documentId: otherId }) },
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

useSmtpReceiver();
let owner: TestUser;
let workspace: { id: string; slug: string };
const byRole = new Map<MemberRole, TestUser>();
let outsider: TestUser;

beforeAll(async () => {
  owner = await createTestUser();
  workspace = await createTestWorkspace(owner);
  byRole.set("owner", owner);
  for (const role of ROLE_ORDER.filter((r) => r !== "owner")) {
    const user = await createTestUser();
    await addMember(workspace.id, user, role);
    byRole.set(role, user);
  }
  outsider = await createTestUser();
  await createTestWorkspace(outsider);
});

describe("every tenant procedure", () => {
  it("is listed here (a new tenant procedure must be added to this test)", () => {
    const takesTenantSlug = Object.entries(appRouter._def.procedures)
      .filter(([, procedure]) =>
        (procedure as unknown as { _def: { inputs: unknown[] } })._def.inputs.some((input) => input instanceof z.ZodObject && "tenantSlug" in input.shape),
      )
      .map(([path]) => path)
      .sort();
    expect(takesTenantSlug).toEqual(Object.keys(TENANT_PROCEDURES).sort());
  });

  it.each(Object.keys(TENANT_PROCEDURES))("%s refuses signed-out callers", async (path) => {
    const { caller } = await callerFor(null);
    expect(await codeOf(TENANT_PROCEDURES[path]!.call(caller, workspace.slug))).toBe("UNAUTHORIZED");
  });

  it.each(Object.keys(TENANT_PROCEDURES))("%s answers NOT_FOUND to a member of another workspace", async (path) => {
    const { caller } = await callerFor(outsider);
    expect(await codeOf(TENANT_PROCEDURES[path]!.call(caller, workspace.slug))).toBe("NOT_FOUND");
  });

  it.each(Object.keys(TENANT_PROCEDURES))("%s refuses roles below its minimum and admits the rest", async (path) => {
    const { minRole, admitted, call } = TENANT_PROCEDURES[path]!;
    for (const role of ROLE_ORDER) {
      const { caller } = await callerFor(byRole.get(role)!);
      const code = await codeOf(call(caller, workspace.slug));
      const allowed = ROLE_ORDER.indexOf(role) <= ROLE_ORDER.indexOf(minRole);
      expect(code, `${role} on ${path}`).toBe(allowed ? admitted : "FORBIDDEN");
    }
  });
});

describe("ids from another workspace", () => {
  it("cannot be changed, removed or revoked through one's own workspace", async () => {
    const other = await createTestWorkspace(outsider);
    const victim = await createTestUser();
    const victimMembership = await addMember(other.id, victim, "monitor");
    const invitation = await withTenant(other.id, null, (tx) =>
      tx.invitation.create({ data: { tenantId: other.id, email: "x@example.org", role: "viewer", tokenHash: Buffer.from(randomUUID()), expiresAt: new Date(Date.now() + 60_000) } }),
    );
    const { caller } = await callerFor(owner);
    expect(await codeOf(caller.members.changeRole({ tenantSlug: workspace.slug, membershipId: victimMembership.id, role: "admin" }))).toBe("NOT_FOUND");
    expect(await codeOf(caller.members.remove({ tenantSlug: workspace.slug, membershipId: victimMembership.id }))).toBe("NOT_FOUND");
    expect(await codeOf(caller.members.revokeInvitation({ tenantSlug: workspace.slug, invitationId: invitation.id }))).toBe("NOT_FOUND");
    // Nor by naming the other workspace's slug.
    expect(await codeOf(caller.members.list({ tenantSlug: other.slug }))).toBe("NOT_FOUND");

    const unchanged = await withTenant(other.id, null, (tx) => tx.membership.findFirst({ where: { id: victimMembership.id } }));
    expect(unchanged?.role).toBe("monitor");
    const stillPending = await withTenant(other.id, null, (tx) => tx.invitation.findFirst({ where: { id: invitation.id } }));
    expect(stillPending?.revokedAt).toBeNull();
  });

  it("a person in two workspaces appears once, in each workspace's own list", async () => {
    const both = await createTestUser();
    const second = await createTestWorkspace(outsider);
    await addMember(workspace.id, both, "viewer");
    await addMember(second.id, both, "monitor");
    const { caller } = await callerFor(both);
    const here = await caller.members.list({ tenantSlug: workspace.slug });
    expect(here.filter((m) => m.user.id === both.id).map((m) => m.role)).toEqual(["viewer"]);
    const there = await caller.members.list({ tenantSlug: second.slug });
    expect(there.map((m) => m.user.id).sort()).toEqual([outsider.id, both.id].sort());
    expect((await caller.workspaces.mine()).map((w) => w.slug).sort()).toEqual([workspace.slug, second.slug].sort());
    await withTenant(workspace.id, null, (tx) => tx.membership.deleteMany({ where: { userId: both.id } }));
  });

  it("members.list shows only this workspace's members", async () => {
    const { caller } = await callerFor(byRole.get("viewer")!);
    const members = await caller.members.list({ tenantSlug: workspace.slug });
    expect(members.map((m) => m.user.id).sort()).toEqual([...byRole.values()].map((u) => u.id).sort());
    expect(members.some((m) => m.user.id === outsider.id)).toBe(false);
    expect(await privilegedDb().user.count({ where: { id: outsider.id } })).toBe(1);
  });
});

/**
 * Procedures that widen someone's access (docs/decisions/0148-who-may-widen-access.md), each called on
 * a REAL target by a caller ONE ROLE TOO LOW, who must be refused. The generic rows above call with
 * ids that belong to nothing; these prove the rule holds where there is something to gain. For the
 * visit team the step below "may" is inside the workspace's monitors: a monitor who is not the
 * visit's lead, and the lead for what only coordinators may do (decision 0147).
 */
type Caller = Awaited<ReturnType<typeof callerFor>>["caller"];
type Targets = {
  visitId: string; leadRowId: string; memberRowId: string; viewerMembershipId: string; placeId: string;
  partner: { id: string; slug: string }; forumId: string; publishVersionId: string;
};
type TooLow = "viewer" | "monitor" | "coordinator" | "admin" | "visit lead" | "partner coordinator";
const ONE_ROLE_TOO_LOW: { procedure: string; tooLow: TooLow; what: string; refusal: string; call: (c: Caller, slug: string, t: Targets) => Promise<unknown> }[] = [
  { procedure: "visits.addTeamMember", tooLow: "monitor", what: "a monitor not on the visit adds themselves", refusal: "visitErrors.teamManagersOnly",
    call: (c, slug, t) => c.visits.addTeamMember({ tenantSlug: slug, visitId: t.visitId, member: { kind: "member", userId: byRole.get("monitor")!.id, visitRole: "monitor" } }) },
  { procedure: "visits.addTeamMember", tooLow: "visit lead", what: "the visit's lead names a second lead", refusal: "visitErrors.leadByCoordinators",
    call: (c, slug, t) => c.visits.addTeamMember({ tenantSlug: slug, visitId: t.visitId, member: { kind: "member", userId: byRole.get("monitor")!.id, visitRole: "lead" } }) },
  { procedure: "visits.removeTeamMember", tooLow: "monitor", what: "a monitor not on the visit removes its lead", refusal: "visitErrors.teamManagersOnly",
    call: (c, slug, t) => c.visits.removeTeamMember({ tenantSlug: slug, visitId: t.visitId, teamMemberId: t.leadRowId }) },
  { procedure: "visits.removeTeamMember", tooLow: "visit lead", what: "the visit's lead removes themselves as lead", refusal: "visitErrors.leadByCoordinators",
    call: (c, slug, t) => c.visits.removeTeamMember({ tenantSlug: slug, visitId: t.visitId, teamMemberId: t.leadRowId }) },
  { procedure: "visits.plan", tooLow: "viewer", what: "a viewer plans a visit with themselves on its team", refusal: "errors.forbidden",
    call: (c, slug, t) => c.visits.plan({ tenantSlug: slug, placeId: t.placeId, type: "ad_hoc", announced: false, nightVisit: false, plannedStart: "2026-07-01", plannedEnd: "2026-07-01", team: [{ kind: "member", userId: byRole.get("viewer")!.id, visitRole: "lead" }] }) },
  { procedure: "members.changeRole", tooLow: "coordinator", what: "a coordinator raises a viewer to admin", refusal: "errors.forbidden",
    call: (c, slug, t) => c.members.changeRole({ tenantSlug: slug, membershipId: t.viewerMembershipId, role: "admin" }) },
  { procedure: "members.changeRole", tooLow: "admin", what: "an admin raises a viewer to owner", refusal: "errors.adminCannotManageOwner",
    call: (c, slug, t) => c.members.changeRole({ tenantSlug: slug, membershipId: t.viewerMembershipId, role: "owner" }) },
  { procedure: "members.invite", tooLow: "coordinator", what: "a coordinator invites someone as a monitor", refusal: "errors.forbidden",
    call: (c, slug) => c.members.invite({ tenantSlug: slug, email: `${unique("low")}@example.org`, role: "monitor" }) },
  { procedure: "members.invite", tooLow: "admin", what: "an admin invites someone as an owner", refusal: "errors.adminCannotManageOwner",
    call: (c, slug) => c.members.invite({ tenantSlug: slug, email: `${unique("low")}@example.org`, role: "owner" }) },
  { procedure: "jointVisits.setAllowed", tooLow: "coordinator", what: "a coordinator opens the workspace to joint-visit invitations", refusal: "errors.forbidden",
    call: (c, slug) => c.jointVisits.setAllowed({ tenantSlug: slug, allow: true }) },
  { procedure: "jointVisits.invite", tooLow: "monitor", what: "a monitor invites a partner workspace to the visit", refusal: "errors.forbidden",
    call: (c, slug, t) => c.jointVisits.invite({ tenantSlug: slug, visitId: t.visitId, partnerTenantId: t.partner.id, confirmSlug: t.partner.slug }) },
  { procedure: "jointVisits.setInterviewSharing", tooLow: "coordinator", what: "a coordinator shares the visit's interviews with the partner", refusal: "errors.forbidden",
    call: (c, slug, t) => c.jointVisits.setInterviewSharing({ tenantSlug: slug, visitId: t.visitId, partnerTenantId: t.partner.id, share: true }) },
  { procedure: "jointVisits.respond", tooLow: "partner coordinator", what: "the partner's coordinator accepts the invitation", refusal: "errors.forbidden",
    call: (c, _slug, t) => c.jointVisits.respond({ tenantSlug: t.partner.slug, hostTenantId: workspace.id, visitId: t.visitId, accept: true }) },
  { procedure: "jointVisits.nominate", tooLow: "partner coordinator", what: "the partner's coordinator nominates themselves", refusal: "errors.forbidden",
    call: (c, _slug, t) => c.jointVisits.nominate({ tenantSlug: t.partner.slug, hostTenantId: workspace.id, visitId: t.visitId, userId: partnerCoordinator.id, visitRole: "monitor" }) },
  { procedure: "forums.invite", tooLow: "coordinator", what: "a coordinator invites a workspace to the forum", refusal: "errors.forbidden",
    call: (c, slug, t) => c.forums.invite({ tenantSlug: slug, forumId: t.forumId, workspaceIds: [t.partner.id] }) },
  { procedure: "forums.respond", tooLow: "partner coordinator", what: "the invited workspace's coordinator joins the forum", refusal: "errors.forbidden",
    call: (c, _slug, t) => c.forums.respond({ tenantSlug: t.partner.slug, forumId: t.forumId, accept: true }) },
  { procedure: "forums.setBenchmarkOptIn", tooLow: "coordinator", what: "a coordinator adds the workspace's figures to the forum benchmark", refusal: "errors.forbidden",
    call: (c, slug, t) => c.forums.setBenchmarkOptIn({ tenantSlug: slug, forumId: t.forumId, optIn: true }) },
  { procedure: "forums.shareDocument", tooLow: "monitor", what: "a monitor shares a document with the forum's workspaces", refusal: "errors.forbidden",
    call: (c, slug, t) => c.forums.shareDocument({ tenantSlug: slug, forumId: t.forumId, title: "Annual report" }) },
  { procedure: "library.publish", tooLow: "monitor", what: "a monitor publishes a template to every workspace", refusal: "errors.forbidden",
    call: (c, slug, t) => c.library.publish({ tenantSlug: slug, versionId: t.publishVersionId }) },
  { procedure: "twoFactor.setWorkspaceRequirement", tooLow: "admin", what: "an admin lowers the workspace's sign-in bar", refusal: "errors.forbidden",
    call: (c, slug) => c.twoFactor.setWorkspaceRequirement({ tenantSlug: slug, required: false }) },
  { procedure: "workspaceExport.start", tooLow: "admin", what: "an admin exports the whole workspace", refusal: "errors.forbidden",
    call: (c, slug) => c.workspaceExport.start({ tenantSlug: slug, reauthentication: TEST_PASSWORD }) },
];

let targets: Targets;
let lead: TestUser;
let partnerCoordinator: TestUser;

function callerOf(tooLow: TooLow): TestUser {
  if (tooLow === "visit lead") return lead;
  if (tooLow === "partner coordinator") return partnerCoordinator;
  return byRole.get(tooLow)!;
}

describe("procedures that widen access", () => {
  beforeAll(async () => {
    lead = await createTestUser("Lead Monitor");
    await addMember(workspace.id, lead, "monitor");
    const visit = await createTestVisit(workspace.id, { status: "planned", team: [{ id: lead.id, visitRole: "lead" }, { id: byRole.get("viewer")!.id }] });
    const team = await withTenant(workspace.id, null, (tx) => tx.visitTeamMember.findMany({ where: { visitId: visit.id }, select: { id: true, visitRole: true } }));
    const viewerMembership = await withTenant(workspace.id, null, (tx) => tx.membership.findFirstOrThrow({ where: { userId: byRole.get("viewer")!.id }, select: { id: true } }));
    const place = await createTestPlace(workspace.id);
    // A partner workspace that accepts joint visits, invited to the visit and to a forum by the owner.
    const partnerOwner = await createTestUser();
    const partner = await createTestWorkspace(partnerOwner);
    partnerCoordinator = await createTestUser("Partner Coordinator");
    await addMember(partner.id, partnerCoordinator, "coordinator");
    const owners = { here: (await callerFor(owner)).caller, there: (await callerFor(partnerOwner)).caller };
    await owners.there.jointVisits.setAllowed({ tenantSlug: partner.slug, allow: true });
    await owners.here.jointVisits.invite({ tenantSlug: workspace.slug, visitId: visit.id, partnerTenantId: partner.id, confirmSlug: partner.slug });
    const forum = await owners.here.forums.create({ tenantSlug: workspace.slug, name: unique("Forum") });
    await owners.here.forums.invite({ tenantSlug: workspace.slug, forumId: forum.id, workspaceIds: [partner.id] });
    const template = await createTestTemplate(workspace.id, ["prison"]);
    targets = {
      visitId: visit.id, leadRowId: team.find((m) => m.visitRole === "lead")!.id, memberRowId: team.find((m) => m.visitRole !== "lead")!.id,
      viewerMembershipId: viewerMembership.id, placeId: place.id, partner: { id: partner.id, slug: partner.slug }, forumId: forum.id,
      publishVersionId: template.versionId,
    };
  });

  it("each row names a tenant procedure, and a role exactly one below the procedure's minimum", () => {
    for (const row of ONE_ROLE_TOO_LOW) {
      const procedure = TENANT_PROCEDURES[row.procedure];
      expect(procedure, row.procedure).toBeDefined();
      const role = row.tooLow === "visit lead" ? "monitor" : row.tooLow === "partner coordinator" ? "coordinator" : row.tooLow;
      // The team rows are one step below inside the monitors (not the lead; the lead for the lead);
      // "admin" rows for owner-only changes are the admin that the service, not the gate, refuses.
      const gate = ROLE_ORDER.indexOf(procedure!.minRole);
      expect([gate, gate + 1], `${row.procedure}: ${row.tooLow}`).toContain(ROLE_ORDER.indexOf(role));
    }
  });

  it.each(ONE_ROLE_TOO_LOW.map((row) => [`${row.procedure}: ${row.what}`, row] as const))("%s is refused", async (_label, row) => {
    const { caller } = await callerFor(callerOf(row.tooLow));
    const refusal = await row.call(caller, workspace.slug, targets).then(
      () => "OK",
      (error: unknown) => (error instanceof TRPCError ? `${error.code} ${error.message}` : Promise.reject(error)),
    );
    expect(refusal).toBe(`FORBIDDEN ${row.refusal}`);
  });

  it("and nothing changed: the team, the roles, the partnership and the forum are as they were", async () => {
    const team = await withTenant(workspace.id, null, (tx) => tx.visitTeamMember.findMany({ where: { visitId: targets.visitId }, select: { userId: true, visitRole: true } }));
    expect(team.map((m) => `${m.visitRole}:${m.userId}`).sort()).toEqual([`lead:${lead.id}`, `monitor:${byRole.get("viewer")!.id}`].sort());
    const viewer = await withTenant(workspace.id, null, (tx) => tx.membership.findFirst({ where: { id: targets.viewerMembershipId }, select: { role: true } }));
    expect(viewer?.role).toBe("viewer");
    const partnership = await withTenant(workspace.id, null, (tx) => tx.visitPartner.findFirst({ where: { visitId: targets.visitId }, select: { status: true, shareInterviews: true } }));
    expect(partnership).toEqual({ status: "invited", shareInterviews: false });
  });
});
