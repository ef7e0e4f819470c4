import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { ForeignName, withNames } from "../lib/bdi";

/**
 * "Person · Workspace" for what a partner's member entered on a joint visit; just the person for the
 * host's own work (docs/decisions/0105-joint-attribution.md). Both names in <bdi> (decision 0157).
 */
export function authorLabel(t: TFunction, name: string, workspace: { name: string } | null | undefined): ReactNode {
  if (!workspace?.name) return <ForeignName name={name} />;
  return withNames(t).t("joint.attribution", { name: <ForeignName name={name} />, workspace: <ForeignName name={workspace.name} /> });
}
