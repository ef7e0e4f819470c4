import { loaderError, serverApi } from "../../lib/api.server";
import { WORKSPACE_BACKGROUND, workspaceThemeColor } from "./workspace-theme";
import type { Route } from "./+types/workspace-manifest";

/**
 * The web app manifest of one workspace (issue 18, decision 0262): installed from a workspace's
 * pages, the app is named after the workspace, opens on it and wears its colours. Only members
 * get it (the same membership check as every /t/:slug page; others get 404), it holds nothing but
 * the workspace's own name and address, and it is not kept by shared caches.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  let workspace: Awaited<ReturnType<typeof api.workspace>>;
  try {
    workspace = await api.workspace(params.slug);
  } catch (error) {
    loaderError(error, request);
  }
  const home = `/t/${encodeURIComponent(workspace.slug)}`;
  const manifest = {
    // One installed app per workspace: the id tells them apart, the start page is the workspace's.
    id: `${home}/`,
    name: `${workspace.name} · Vigil`,
    short_name: workspace.name,
    start_url: home,
    // The whole site, so that the offline shell (/offline) and signing in open inside the app.
    scope: "/",
    display: "standalone",
    theme_color: workspaceThemeColor(workspace.id),
    background_color: WORKSPACE_BACKGROUND,
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { "Content-Type": "application/manifest+json; charset=utf-8", "Cache-Control": "private, no-store", Vary: "Cookie" },
  });
}
