import type { MemberRole } from "@vigil/db";

/** Who is acting, inside which workspace: what services need for their checks and the audit log. */
export type Actor = { tenantId: string; userId: string; role: MemberRole; ipAddress: string | null };
