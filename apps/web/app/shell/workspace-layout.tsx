import { Outlet } from "react-router";
import { AppHeader } from "./AppHeader";
import { BillingBanner } from "../features/billing/BillingBanner";
import { SuspensionBanner } from "../features/platform/SuspensionBanner";
import { loaderError, serverApi } from "../lib/api.server";
import type { CurrentWorkspace } from "../lib/workspace";
import type { Route } from "./+types/workspace-layout";

/** Every /t/:slug page: membership checked here (non-members get 404, signed-out people sign in). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const [current, billing] = await Promise.all([api.workspace(params.slug), api.billingStatus(params.slug)]);
    const workspace: CurrentWorkspace = { id: current.id, slug: current.slug, name: current.name, countryCode: current.countryCode, role: current.role };
    // The switcher's list came with the session look-up (workspaces.mine's rule; decision 0178).
    return { workspace, workspaces: api.ctx.user?.workspaces ?? [], billing };
  } catch (error) {
    loaderError(error, request);
  }
}

export default function WorkspaceLayout({ loaderData }: Route.ComponentProps) {
  const { workspace, workspaces, billing } = loaderData;
  return (
    // The shell: a top bar on phones, a sidebar beside the page from `lg` up (AppHeader).
    <div className="lg:flex">
      <AppHeader workspace={workspace} workspaces={workspaces} />
      <div className="min-w-0 flex-1">
        <SuspensionBanner status={billing} />
        <BillingBanner status={billing} slug={workspace.slug} isOwner={workspace.role === "owner"} />
        <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-4 focus:outline-none sm:py-8">
          <Outlet context={{ workspace }} />
        </main>
      </div>
    </div>
  );
}
