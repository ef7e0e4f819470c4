import type { DemoWorkspaceContext } from "./context.ts";

/** Demo checklists for one workspace (filled in with the visit issue). */
export async function seedChecklists(_workspace: DemoWorkspaceContext): Promise<void> {}
