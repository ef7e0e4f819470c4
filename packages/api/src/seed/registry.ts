import type { DemoWorkspaceContext } from "./context.ts";

/** Demo registry for one workspace (filled in with the visit issue). */
export async function seedRegistry(_workspace: DemoWorkspaceContext): Promise<void> {}
