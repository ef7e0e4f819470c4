/** What each part of the demo seed knows about the workspace it fills. */
export type DemoWorkspaceContext = {
  tenantId: string;
  slug: string;
  countryCode: string;
  ownerId: string;
  /** Every demo member's user id, by e-mail. */
  memberIds: Map<string, string>;
};
