import { index, layout, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  layout("routes/public-layout.tsx", [
    index("routes/home.tsx"),
    route("sign-in", "routes/sign-in.tsx"),
    route("sign-in/two-factor", "routes/sign-in-two-factor.tsx"),
    route("account/two-factor", "routes/account-two-factor.tsx"),
    route("account/sessions", "routes/account-sessions.tsx"),
    route("forgot-password", "routes/forgot-password.tsx"),
    route("reset-password/:token", "routes/reset-password.tsx"),
    route("verify-email/:token", "routes/verify-email.tsx"),
    route("sign-up", "routes/sign-up.tsx"),
    route("workspaces", "routes/workspaces.tsx"),
    route("profile", "routes/profile.tsx"),
    route("invitations/:token", "routes/invitation.tsx"),
  ]),
  route("t/:slug", "routes/workspace-layout.tsx", [
    index("routes/workspace-home.tsx"),
    route("members", "routes/members.tsx"),
    route("security", "routes/workspace-security.tsx"),
    route("audit", "routes/audit-log.tsx"),
  ]),
  route("t/:slug/audit/export.csv", "routes/audit-export.ts"),
  route("t/:slug/export/:exportId", "routes/export-download.ts"),
  route("sign-out", "routes/sign-out.ts"),
  route("locale", "routes/locale.ts"),
  route("api/trpc/*", "routes/api.trpc.$.ts"),
] satisfies RouteConfig;
