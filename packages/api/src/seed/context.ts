import type { Actor } from "../core/actor.ts";

/** What each part of the demo seed knows about the workspace it fills. */
export type DemoWorkspaceContext = {
  tenantId: string;
  slug: string;
  countryCode: string;
  ownerId: string;
  /** Every demo member's user id, by e-mail. */
  memberIds: Map<string, string>;
};

/** The workspace's owner as the services take the actor; the seed has no request, so no address. */
export function ownerActor(workspace: Pick<DemoWorkspaceContext, "tenantId" | "ownerId">): Actor {
  return { tenantId: workspace.tenantId, userId: workspace.ownerId, role: "owner", ipAddress: null };
}
