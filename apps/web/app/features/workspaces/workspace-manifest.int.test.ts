import { createTestUser, createTestWorkspace } from "@vigil/api/testing";
import type { AppLoadContext } from "react-router";
import { describe, expect, it } from "vitest";
import { loader } from "./workspace-manifest";
import { workspaceThemeColor } from "./workspace-theme";

// Issue 18: each workspace's installed app wears the workspace's colours; no other workspace's data.
const ORIGIN = "http://localhost:3000";
const context = { ipAddress: "127.0.0.1", requestId: "manifest-test", cspNonce: undefined } as unknown as AppLoadContext;

async function manifestOf(slug: string, token: string | null): Promise<Response> {
  const request = new Request(`${ORIGIN}/t/${slug}/manifest.webmanifest`, { headers: token ? { cookie: `vigil_session=${token}` } : {} });
  try {
    return await loader({ request, context, params: { slug } } as Parameters<typeof loader>[0]);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    // React Router's data(null, { status }) thrown for a refusal.
    const status = (thrown as { init?: { status?: number } }).init?.status;
    if (status) return new Response(null, { status });
    throw thrown;
  }
}

describe("a workspace's web app manifest", () => {
  it("names the member's workspace, opens on it and wears its colour, kept by no shared cache", async () => {
    const ana = await createTestUser("Ana");
    const workspace = await createTestWorkspace(ana);
    const response = await manifestOf(workspace.slug, ana.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const manifest = (await response.json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      id: `/t/${workspace.slug}/`, name: `${workspace.name} · Vigil`, short_name: workspace.name, start_url: `/t/${workspace.slug}`,
      display: "standalone", theme_color: workspaceThemeColor(workspace.id), background_color: "#f8fafc",
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("is refused to a member of another workspace and to someone signed out, naming nothing", async () => {
    const ana = await createTestUser("Ana");
    const boris = await createTestUser("Boris");
    const hers = await createTestWorkspace(ana);
    await createTestWorkspace(boris);
    const foreign = await manifestOf(hers.slug, boris.token);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain(hers.name);
    const anonymous = await manifestOf(hers.slug, null);
    expect([302, 401, 404]).toContain(anonymous.status);
    expect(await anonymous.text()).not.toContain(hers.name);
  });

  it("gives the same workspace the same colour every time, and spreads workspaces over the palette", () => {
    const ids = Array.from({ length: 64 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expect(ids.map(workspaceThemeColor)).toEqual(ids.map(workspaceThemeColor));
    expect(new Set(ids.map(workspaceThemeColor)).size).toBeGreaterThan(4);
  });
});
