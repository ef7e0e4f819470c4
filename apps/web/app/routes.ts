import { index, layout, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  layout("routes/public-layout.tsx", [
    index("routes/home.tsx"),
    route("sign-in", "routes/sign-in.tsx"),
    route("sign-up", "routes/sign-up.tsx"),
    route("workspaces", "routes/workspaces.tsx"),
    route("profile", "routes/profile.tsx"),
    route("invitations/:token", "routes/invitation.tsx"),
  ]),
  route("t/:slug", "routes/workspace-layout.tsx", [
    index("routes/workspace-home.tsx"),
    route("members", "routes/members.tsx"),
    route("visits/:visitId/interviews", "routes/visit-interviews.tsx"),
    route("visits/:visitId/findings", "routes/visit-findings.tsx"),
  ]),
  route("t/:slug/attachments/:attachmentId", "routes/attachment-download.ts"),
  route("sign-out", "routes/sign-out.ts"),
  route("locale", "routes/locale.ts"),
  route("api/trpc/*", "routes/api.trpc.$.ts"),
] satisfies RouteConfig;
