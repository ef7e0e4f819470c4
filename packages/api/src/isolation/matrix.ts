import { randomUUID } from "node:crypto";
import type { MemberRole } from "@vigil/db";
import { ROLE_ORDER } from "../core/roles.ts";
import { addMember, createTestUser, createTestWorkspace, type callerFor, type TestUser } from "../testing/index.ts";

/**
 * The application lock's matrix (tenant-procedures.int.test.ts, widen-access.int.test.ts): every
 * procedure inside a workspace, called by signed-out callers, members of another workspace and each
 * role of one workspace. The procedures are listed by domain group in procedures-*.ts.
 */

export type Caller = Awaited<ReturnType<typeof callerFor>>["caller"];

/**
 * `admitted` is the answer a member with enough rights gets: the ids in the calls belong to nothing
 * (`otherId`), so id-based procedures answer NOT_FOUND from the service after the membership check passed.
 */
export type ProcedureRow = { minRole: MemberRole; admitted: "OK" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT"; call: (caller: Caller, slug: string) => Promise<unknown> };

export const otherId = randomUUID();

export type RoleMatrix = { owner: TestUser; workspace: { id: string; slug: string }; byRole: Map<MemberRole, TestUser>; outsider: TestUser };

/** One workspace with a member in each role, and an outsider who owns a workspace of their own. */
export async function createRoleMatrix(): Promise<RoleMatrix> {
  const owner = await createTestUser();
  const workspace = await createTestWorkspace(owner);
  const byRole = new Map<MemberRole, TestUser>([["owner", owner]]);
  for (const role of ROLE_ORDER.filter((r) => r !== "owner")) {
    const user = await createTestUser();
    await addMember(workspace.id, user, role);
    byRole.set(role, user);
  }
  const outsider = await createTestUser();
  await createTestWorkspace(outsider);
  return { owner, workspace, byRole, outsider };
}
