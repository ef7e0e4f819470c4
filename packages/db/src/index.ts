export { appDb, disconnectAppDb } from "./app-client.ts";
export { withScope, withTenant, withWorkspace, type Scope, type TenantTx, type WorkspaceEntry } from "./tenant-scope.ts";
export {
  accountEmailUnverified, accountTokenByHash, asUser, passwordResetRecipient, pendingSignInById, sessionWithUser, signInCandidate,
  type AccountTokenRow, type SessionWithUser, type SignInCandidate,
} from "./account-scope.ts";
export { isDatabaseUnavailable, isUniqueViolation } from "./errors.ts";
export { MemberRole, Prisma } from "./generated/prisma/client.ts";
export type {
  VisitStatus,
  VisitType,
  VisitRole,
  PlaceType,
  AuthorityKind,
  IntervieweeCategory,
  FindingSeverity,
  RecommendationStatus,
  RecommendationUpdateSource,
  RecommendationPriority,
  ReportStatus,
  VisitPartnerStatus,
} from "./generated/prisma/enums.ts";
export type { Tenant, User, Membership, Session, Invitation, AuditEvent, WorkspaceBilling } from "./generated/prisma/client.ts";
export { onPoolWait, poolStatistics, type PoolStatistics } from "./pool-metrics.ts";
