/**
 * The schema's enums as plain objects, for zod schemas and browser code: the generated enums module
 * holds only these constants, never the Prisma runtime or pg (docs/decisions/0165).
 */
export {
  AuthorityKind,
  FindingSeverity,
  ForumParticipantStatus,
  IntervieweeCategory,
  MemberRole,
  PlaceType,
  RecommendationPriority,
  RecommendationStatus,
  RecommendationUpdateSource,
  ReportStatus,
  VisitPartnerStatus,
  VisitRole,
  VisitStatus,
  VisitType,
} from "./generated/prisma/enums.ts";
