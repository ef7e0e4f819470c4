import { LOCALE_COOKIE } from "@vigil/api";
import { cookieIsSecure } from "@vigil/auth";
import { isLocale } from "@vigil/i18n";
import { serialize } from "cookie";
import { redirect } from "react-router";
import { runAction, serverApi } from "../lib/api.server";
import { safeRedirect } from "../lib/redirect";
import type { Route } from "./+types/locale";
import { readForm } from "../lib/read-form.server";

/** Switches the interface language: a cookie for everyone, and the profile preference when signed in. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const locale = String(form.get("locale") ?? "");
  const safeReturnTo = safeRedirect(String(form.get("returnTo") ?? ""), "/");
  if (!isLocale(locale)) throw redirect(safeReturnTo);

  const api = await serverApi(request, context);
  if (api.ctx.user) {
    await runAction(api, () => api.caller.profile.update({ name: api.ctx.user!.name, preferredLocale: locale }));
  }
  const cookie = serialize(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, secure: cookieIsSecure(request.url), maxAge: 365 * 24 * 3600 });
  return redirect(safeReturnTo, { headers: { "Set-Cookie": cookie } });
}
