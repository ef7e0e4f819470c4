import { useOutletContext } from "react-router";

export type WorkspaceRole = "owner" | "admin" | "coordinator" | "monitor" | "viewer";

export type CurrentWorkspace = { id: string; slug: string; name: string; countryCode: string; role: WorkspaceRole };

/** The workspace the /t/:slug layout loaded, for its child pages. */
export function useWorkspace(): CurrentWorkspace {
  return useOutletContext<{ workspace: CurrentWorkspace }>().workspace;
}

const ORDER: readonly WorkspaceRole[] = ["owner", "admin", "coordinator", "monitor", "viewer"];

/** Mirrors @vigil/api's hasRole for the browser (which must not import the server package). */
export function roleAtLeast(actual: WorkspaceRole, required: WorkspaceRole): boolean {
  return ORDER.indexOf(actual) <= ORDER.indexOf(required);
}

export const ROLES = ORDER;
