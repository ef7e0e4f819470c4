import { createContext, useContext } from "react";
import { trpc } from "../../lib/trpc.client";

type SaveInput = Parameters<typeof trpc.checklist.save.mutate>[0];
type HistoryInput = Parameters<typeof trpc.checklist.history.query>[0];

/**
 * Where the checklist components save answers and read their history. A workspace's own visit uses
 * the checklist procedures; a joint visit (docs/decisions/0100-joint-visits.md) uses the jointVisits
 * ones with the partner's own workspace slug. The components are the same.
 */
export type ChecklistEndpoints = {
  save: (input: SaveInput) => Promise<Awaited<ReturnType<typeof trpc.checklist.save.mutate>>>;
  history: (input: HistoryInput) => Promise<Awaited<ReturnType<typeof trpc.checklist.history.query>>>;
  /** What "saved" means here: on the server (the default), or on this device, not yet sent (offline, decision 0210). */
  savedStatusKey?: string;
};

export const OWN_VISIT_ENDPOINTS: ChecklistEndpoints = {
  save: (input) => trpc.checklist.save.mutate(input),
  history: (input) => trpc.checklist.history.query(input),
};

export const JOINT_VISIT_ENDPOINTS: ChecklistEndpoints = {
  save: (input) => trpc.jointVisits.saveAnswer.mutate(input),
  history: (input) => trpc.jointVisits.history.query(input),
};

export const ChecklistEndpointsContext = createContext<ChecklistEndpoints>(OWN_VISIT_ENDPOINTS);

export function useChecklistEndpoints(): ChecklistEndpoints {
  return useContext(ChecklistEndpointsContext);
}
