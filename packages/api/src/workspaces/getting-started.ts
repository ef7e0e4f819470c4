import type { MemberRole, TenantTx } from "@vigil/db";
import { hasRole } from "../core/roles.ts";

/** The first steps of a new workspace, in the order its home lists them. */
const GETTING_STARTED_STEPS = ["places", "authorities", "checklist", "members", "visit"] as const;
type GettingStartedStep = (typeof GETTING_STARTED_STEPS)[number];

/**
 * Which first steps a workspace has taken (issue 16 §2), read from its data, so a step ticks itself
 * however it was done (a place added by hand or imported, a checklist taken from the Library or
 * imported from a file, a colleague invited or already a member). One statement: the home page
 * costs one more round trip, not five. Archived rows count: the step was taken. A coordinator sets up
 * the registry and the checklists but cannot invite (admins and owners do), so their list has no
 * "invite members" step they could not take.
 */
export async function gettingStarted(tx: TenantTx, role: MemberRole) {
  const [row] = await tx.$queryRaw<Record<GettingStartedStep, boolean>[]>`
    SELECT
      EXISTS (SELECT 1 FROM places WHERE tenant_id = (SELECT current_tenant_id())) AS places,
      EXISTS (SELECT 1 FROM authorities WHERE tenant_id = (SELECT current_tenant_id())) AS authorities,
      EXISTS (SELECT 1 FROM checklist_templates WHERE tenant_id = (SELECT current_tenant_id())) AS checklist,
      ((SELECT count(*) FROM memberships WHERE tenant_id = (SELECT current_tenant_id())) > 1
        OR EXISTS (SELECT 1 FROM invitations WHERE tenant_id = (SELECT current_tenant_id()) AND revoked_at IS NULL)) AS members,
      EXISTS (SELECT 1 FROM visits WHERE tenant_id = (SELECT current_tenant_id())) AS visit`;
  const steps = GETTING_STARTED_STEPS.filter((step) => step !== "members" || hasRole(role, "admin")).map((step) => ({ step, done: row?.[step] ?? false }));
  return { steps, done: steps.filter((s) => s.done).length, total: steps.length };
}
