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
    route("visits", "routes/visits.tsx"),
    route("visits/calendar", "routes/visits-calendar.tsx"),
    route("visits/new", "routes/visit-new.tsx"),
    route("visits/:visitId", "routes/visit-detail.tsx"),
    route("visits/:visitId/edit", "routes/visit-edit.tsx"),
  ]),
  route("sign-out", "routes/sign-out.ts"),
  route("locale", "routes/locale.ts"),
  route("api/trpc/*", "routes/api.trpc.$.ts"),
] satisfies RouteConfig;
