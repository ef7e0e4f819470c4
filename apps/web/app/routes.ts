import { index, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("locale", "routes/locale.ts"),
  route("api/trpc/*", "routes/api.trpc.$.ts"),
] satisfies RouteConfig;
