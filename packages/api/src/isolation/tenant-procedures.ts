import type { ProcedureRow } from "./matrix.ts";
import { SHARING_PROCEDURES } from "./procedures-sharing.ts";
import { VISIT_WORK_PROCEDURES } from "./procedures-visit-work.ts";
import { WORKSPACE_PROCEDURES } from "./procedures-workspace.ts";

/**
 * Every procedure inside a workspace, with its minimum role, the answer a member with that role
 * gets, and a call. A new workspace procedure goes into the group file of its domain;
 * tenant-procedures.int.test.ts fails until it is there.
 */
export const TENANT_PROCEDURES: Readonly<Record<string, ProcedureRow>> = { ...WORKSPACE_PROCEDURES, ...VISIT_WORK_PROCEDURES, ...SHARING_PROCEDURES };
