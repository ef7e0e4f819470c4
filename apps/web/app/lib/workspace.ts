import { hasRole, ROLE_ORDER } from "@vigil/api/roles";
import type { MemberRole } from "@vigil/db";
import { useOutletContext } from "react-router";

type WorkspaceRole = MemberRole;

export type CurrentWorkspace = { id: string; slug: string; name: string; countryCode: string; role: WorkspaceRole };

/** The workspace the /t/:slug layout loaded, for its child pages. */
export function useWorkspace(): CurrentWorkspace {
  return useOutletContext<{ workspace: CurrentWorkspace }>().workspace;
}

/** Whether a role includes another's rights (the same rule the server enforces). */
export const roleAtLeast = hasRole;

export const ROLES = ROLE_ORDER;
