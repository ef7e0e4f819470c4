import { Outlet } from "react-router";
import { SiteHeader } from "./SiteHeader";

/** Pages outside a workspace: landing, sign-in and sign-up, workspaces, profile, invitations. */
export default function PublicLayout() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8 focus:outline-none">
        <Outlet />
      </main>
    </>
  );
}
