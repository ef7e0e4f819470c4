import type { DemoWorkspaceContext } from "./context.ts";

/** Demo evidence for one workspace (filled in with the visit issue). */
export async function seedEvidence(_workspace: DemoWorkspaceContext): Promise<void> {}
