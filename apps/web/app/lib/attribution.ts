import type { TFunction } from "i18next";

/**
 * "Person · Workspace" for what a partner's member entered on a joint visit; just the person for the
 * host's own work (docs/decisions/0105-joint-attribution.md).
 */
export function authorLabel(t: TFunction, name: string, workspace: { name: string } | null | undefined): string {
  return workspace?.name ? t("joint.attribution", { name, workspace: workspace.name }) : name;
}
