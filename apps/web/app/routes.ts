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
    route("visits/:visitId/checklist", "routes/visit-checklist.tsx"),
    route("places", "routes/places.tsx"),
    route("places/new", "routes/place-new.tsx"),
    route("places/:placeId", "routes/place.tsx"),
    route("places/:placeId/edit", "routes/place-edit.tsx"),
    route("authorities", "routes/authorities.tsx"),
    route("templates", "routes/templates.tsx"),
    route("templates/:templateId", "routes/template.tsx"),
    route("templates/:templateId/versions/:versionId", "routes/template-version.tsx"),
    route("templates/:templateId/versions/:versionId/export", "routes/template-export.ts"),
    route("billing", "routes/billing.tsx"),
  ]),
  route("sign-out", "routes/sign-out.ts"),
  route("locale", "routes/locale.ts"),
  route("api/trpc/*", "routes/api.trpc.$.ts"),
  route("api/stripe/webhook", "routes/api.stripe.webhook.ts"),
] satisfies RouteConfig;
