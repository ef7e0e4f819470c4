import { redirect } from "react-router";
import { runAction, serverApi } from "../../lib/api.server";
import type { Route } from "./+types/sign-out";

/**
 * What the browser is told to forget at sign-out, so that a shared phone keeps nothing of the
 * person who leaves (issue 18, decision 0263): "storage" takes IndexedDB (the sealed offline store
 * and its key), the Cache Storage (the offline shell), the service worker's registration and
 * local storage; "cache" the HTTP cache of the pages seen. Cookies are not listed: the session's
 * own is cleared by signing out, and the language choice belongs to the device, not the person.
 * The page has asked first whether changes made offline still wait (SignOutButton) and wiped the
 * store itself; the header also covers a sign-out without JavaScript and a wipe cut short.
 */
const CLEAR_SITE_DATA = '"cache", "storage"';

/** POST only: ends the session, clears the cookie and what the browser holds, and returns to the landing page. */
export async function action({ request, context }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  if (api.ctx.user) await runAction(api, () => api.caller.auth.signOut());
  api.headers.set("Clear-Site-Data", CLEAR_SITE_DATA);
  return redirect("/", { headers: api.headers });
}

export function loader() {
  return redirect("/");
}
