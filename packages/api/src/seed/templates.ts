import type { DemoWorkspaceContext } from "./context.ts";

/** Demo templates for one workspace (filled in with the visit issue). */
export async function seedTemplates(_workspace: DemoWorkspaceContext): Promise<void> {}
