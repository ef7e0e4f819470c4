import { formatDate, isLocale } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import { Button, buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import { InvitationSignUpForm } from "./InvitationSignUpForm";
import { PageHeader } from "../../ui/PageHeader";
import { formFields, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { useBusy } from "../../lib/form";
import { pageTitle, useLocale } from "../../lib/locale";
import type { Route } from "./+types/invitation";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "invitation.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const preview = await runAction(api, () => api.caller.invitations.preview({ token: params.token }));
  const signedInEmail = api.ctx.user?.email ?? null;
  if (!preview.ok) return data({ preview: null, problem: preview.message, signedInEmail }, { status: 404 });
  return { preview: preview.result, problem: null, signedInEmail };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const fields = await formFields(request, ["intent", "name", "password", "locale"] as const);
  const respond = async (intent: "accept" | "signUp", work: () => Promise<{ slug: string }>) => {
    const result = await runAction(api, work);
    if (!result.ok) return data({ ...result, intent, name: fields.name }, { status: 400 });
    return redirect(`/t/${result.result.slug}`, { headers: api.headers });
  };
  return dispatchIntent(fields.intent, {
    accept: (intent) => respond(intent, () => api.caller.invitations.accept({ token: params.token })),
    signUp: (intent) =>
      respond(intent, () =>
        api.caller.invitations.signUpAndAccept({ token: params.token, name: fields.name, password: fields.password, locale: isLocale(fields.locale) ? fields.locale : api.ctx.locale }),
      ),
  });
}

export default function Invitation({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useBusy("accept");
  const { preview, problem, signedInEmail } = loaderData;
  if (!preview) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeader title={t("invitation.title")} />
        <FormError message={problem} />
        <p className="mt-4 text-slate-700">{t("invitation.askAgain")}</p>
      </div>
    );
  }
  const signInHref = `/sign-in?redirectTo=${encodeURIComponent(`/invitations/${params.token}`)}`;
  const acceptError = actionData && !actionData.ok && actionData.intent === "accept" ? actionData.message : undefined;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader
        title={t("invitation.heading", { workspace: preview.workspaceName })}
        lead={t("invitation.lead", { role: t(`roles.${preview.role}`), email: preview.email, date: formatDate(locale, preview.expiresAt, "long") })}
      />
      {signedInEmail === preview.email ? (
        <Form method="post" className="space-y-4">
          <FormError message={acceptError} />
          <input type="hidden" name="intent" value="accept" />
          <Button busy={busy} busyLabel={t("common.saving")}>
            {t("invitation.accept")}
          </Button>
        </Form>
      ) : signedInEmail ? (
        <FormError message={t("errors.invitationOtherEmail", { email: preview.email })} />
      ) : (
        <>
          <Card title={t("invitation.haveAccount")} id="invitation-sign-in">
            <Link to={signInHref} className={buttonClass("secondary")}>
              {t("invitation.signInToAccept")}
            </Link>
          </Card>
          <Card title={t("invitation.newAccount")} id="invitation-sign-up">
            <InvitationSignUpForm email={preview.email} result={actionData && actionData.intent !== "accept" ? actionData : undefined} />
          </Card>
        </>
      )}
    </div>
  );
}
