import { redirect } from "react-router";
import { runAction, serverApi } from "../../lib/api.server";
import type { Route } from "./+types/sign-out";

/** POST only: ends the session, clears the cookie and returns to the landing page. */
export async function action({ request, context }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  if (api.ctx.user) await runAction(api, () => api.caller.auth.signOut());
  return redirect("/", { headers: api.headers });
}

export function loader() {
  return redirect("/");
}
