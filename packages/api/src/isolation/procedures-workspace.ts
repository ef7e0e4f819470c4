import { TEST_PASSWORD, unique } from "../testing/index.ts";
import { otherId, type ProcedureRow } from "./matrix.ts";

/** The workspace itself: its members, billing, sign-in rules, audit log, export and deletion. */
export const WORKSPACE_PROCEDURES: Record<string, ProcedureRow> = {
  "workspaces.current": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.workspaces.current({ tenantSlug: slug }) },
  "workspaces.gettingStarted": { minRole: "coordinator", admitted: "OK", call: (c, slug) => c.workspaces.gettingStarted({ tenantSlug: slug }) },
  "members.list": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.members.list({ tenantSlug: slug }) },
  "members.invitations": { minRole: "admin", admitted: "OK", call: (c, slug) => c.members.invitations({ tenantSlug: slug }) },
  "members.invite": { minRole: "admin", admitted: "OK", call: (c, slug) => c.members.invite({ tenantSlug: slug, email: `${unique("new")}@example.org`, role: "monitor" }) },
  "members.revokeInvitation": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.members.revokeInvitation({ tenantSlug: slug, invitationId: otherId }) },
  "members.changeRole": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.members.changeRole({ tenantSlug: slug, membershipId: otherId, role: "viewer" }) },
  "members.remove": { minRole: "admin", admitted: "NOT_FOUND", call: (c, slug) => c.members.remove({ tenantSlug: slug, membershipId: otherId }) },
  // Billing is off in these tests (no STRIPE_SECRET_KEY): Checkout and the Portal answer NOT_FOUND once the role check passed.
  "billing.status": { minRole: "viewer", admitted: "OK", call: (c, slug) => c.billing.status({ tenantSlug: slug }) },
  "billing.overview": { minRole: "owner", admitted: "OK", call: (c, slug) => c.billing.overview({ tenantSlug: slug }) },
  "billing.startCheckout": { minRole: "owner", admitted: "NOT_FOUND", call: (c, slug) => c.billing.startCheckout({ tenantSlug: slug, planKey: "standard" }) },
  "billing.openPortal": { minRole: "owner", admitted: "NOT_FOUND", call: (c, slug) => c.billing.openPortal({ tenantSlug: slug }) },
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
};
