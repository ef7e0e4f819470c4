import type { DemoWorkspaceContext } from "./context.ts";

/** Demo visits for one workspace (filled in with the visit issue). */
export async function seedVisits(_workspace: DemoWorkspaceContext): Promise<void> {}
