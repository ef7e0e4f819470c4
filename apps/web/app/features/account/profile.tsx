import { isLocale } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import { PageHeader } from "../../ui/PageHeader";
import { PasswordForm } from "./PasswordForm";
import { ProfileForm } from "./ProfileForm";
import { formFields, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { pageTitle } from "../../lib/locale";
import type { Route } from "./+types/profile";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "profile.title");

export async function loader({ request, context }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  const user = api.ctx.user;
  if (!user) throw redirect(`/sign-in?redirectTo=${encodeURIComponent("/profile")}`);
  return { name: user.name, email: user.email, preferredLocale: isLocale(user.preferredLocale) ? user.preferredLocale : api.ctx.locale };
}

export async function action({ request, context }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  const fields = await formFields(request, ["intent", "name", "preferredLocale", "currentPassword", "newPassword"] as const);
  const respond = async <T,>(intent: "profile" | "password", work: () => Promise<T>) => {
    const result = await runAction(api, work);
    return data({ ...result, intent }, { status: result.ok ? 200 : 400, headers: api.headers });
  };
  const locale = isLocale(fields.preferredLocale) ? fields.preferredLocale : api.ctx.locale;
  return dispatchIntent(fields.intent, {
    profile: (intent) => respond(intent, () => api.caller.profile.update({ name: fields.name, preferredLocale: locale })),
    password: (intent) => respond(intent, () => api.caller.profile.changePassword({ currentPassword: fields.currentPassword, newPassword: fields.newPassword })),
  });
}

export default function Profile({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader title={t("profile.title")} lead={loaderData.email} />
      <ProfileForm name={loaderData.name} locale={loaderData.preferredLocale} result={actionData?.intent === "profile" ? actionData : undefined} />
      <PasswordForm result={actionData?.intent === "password" ? actionData : undefined} />
    </div>
  );
}
