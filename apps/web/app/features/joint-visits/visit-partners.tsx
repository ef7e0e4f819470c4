import { localizedName } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, Link } from "react-router";
import { Button, FOCUS_RING } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { TextField } from "../../ui/TextField";
import { WorkspaceIdentity } from "../../shell/WorkspaceIdentity";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { ForeignName } from "../../lib/bdi";
import { fieldError, useBusy } from "../../lib/form";
import { dispatchIntent } from "../../lib/intent";
import { pageTitle, useLocale } from "../../lib/locale";
import { formatDayRange } from "../visits/visit-days";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/visit-partners";
import { readForm } from "../../lib/read-form.server";

export const meta: Route.MetaFunction = ({ matches, data: loaded }) =>
  pageTitle(matches, "joint.partners.metaTitle", {}, (locale) => (loaded ? `${localizedName(loaded.visit.place, locale)}, ${formatDayRange(locale, loaded.visit.plannedStart, loaded.visit.plannedEnd)}` : undefined));

/** The host's side of a joint visit: invite partner workspaces, share interviews, end partnerships. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const input = { tenantSlug: params.slug, visitId: params.visitId };
  try {
    // Independent reads (each caller call is its own transaction), so they run side by side.
    const [visit, partners] = await Promise.all([api.caller.visits.get(input), api.caller.jointVisits.partners(input)]);
    return { visit: { id: visit.id, place: visit.place, plannedStart: visit.plannedStart, plannedEnd: visit.plannedEnd, editable: visit.editable }, ...partners };
  } catch (error) {
    loaderError(error, request);
  }
}


export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const form = await readForm(request);
  const base = { tenantSlug: params.slug, visitId: params.visitId, partnerTenantId: String(form.get("partnerTenantId") ?? "") };
  const respond = async (intent: "invite" | "share" | "unshare" | "end", work: () => Promise<unknown>) => {
    const result = await runAction(api, work);
    return data({ ...(result.ok ? { ok: true as const } : result), intent, targetId: base.partnerTenantId }, { status: result.ok ? 200 : 400 });
  };
  return dispatchIntent(form, {
    // The typed slug confirms an unverified partner; the API refuses one without it (decision 0155).
    invite: (intent) => respond(intent, () => api.caller.jointVisits.invite({ ...base, confirmSlug: String(form.get("confirmSlug") ?? "").trim() || null })),
    share: (intent) => respond(intent, () => api.caller.jointVisits.setInterviewSharing({ ...base, share: true })),
    unshare: (intent) => respond(intent, () => api.caller.jointVisits.setInterviewSharing({ ...base, share: false })),
    end: (intent) => respond(intent, () => api.caller.jointVisits.end(base)),
  });
}

/*
 * One component per partner's button, so each calls useBusy for its own partner: with several
 * partners only the one being changed shows as busy, and the label names the partner so the buttons
 * differ for screen-reader users (the visible text stays short).
 */
function ShareButton({ partnerTenantId, name, shared }: { partnerTenantId: string; name: string; shared: boolean }) {
  const { t } = useTranslation();
  const intent = shared ? "unshare" : "share";
  const busy = useBusy(intent, { name: "partnerTenantId", value: partnerTenantId });
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="partnerTenantId" value={partnerTenantId} />
      <Button variant="secondary" busy={busy} aria-label={shared ? t("joint.partners.unshareNamed", { name }) : t("joint.partners.shareNamed", { name })}>
        {shared ? t("joint.partners.unshare") : t("joint.partners.share")}
      </Button>
    </Form>
  );
}

function EndButton({ partnerTenantId, name }: { partnerTenantId: string; name: string }) {
  const { t } = useTranslation();
  const busy = useBusy("end", { name: "partnerTenantId", value: partnerTenantId });
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="end" />
      <input type="hidden" name="partnerTenantId" value={partnerTenantId} />
      <Button variant="danger" busy={busy} busyLabel={t("joint.partners.endBusy")} aria-label={t("joint.partners.endNamed", { name })}>{t("joint.partners.end")}</Button>
    </Form>
  );
}

export default function VisitPartners({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const { visit, partners, invitable } = loaderData;
  const mayInvite = roleAtLeast(workspace.role, "coordinator");
  const mayShare = roleAtLeast(workspace.role, "admin");
  const inviting = useBusy("invite");
  const success = actionData?.ok
    ? ({ invite: t("joint.partners.invited"), end: t("joint.partners.ended"), share: t("joint.setting.saved"), unshare: t("joint.setting.saved") } as Record<string, string>)[actionData.intent]
    : null;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link to={`/t/${workspace.slug}/visits/${visit.id}`} className={`inline-flex min-h-10 items-center text-sm text-teal-800 underline ${FOCUS_RING}`}>
        {t("joint.partners.backToVisit")}
      </Link>
      <PageHeader title={t("joint.partners.title")} lead={`${localizedName(visit.place, locale)} · ${formatDayRange(locale, visit.plannedStart, visit.plannedEnd)}`} />
      <p className="text-slate-700">{t("joint.partners.lead")}</p>
      <FormSuccess message={success} />
      {actionData && !actionData.ok ? <FormError message={actionData.message} /> : null}

      {partners.length === 0 ? (
        <p className="text-slate-600">{t("joint.partners.empty")}</p>
      ) : (
        <ul className="space-y-4" aria-label={t("joint.partners.title")}>
          {partners.map((partner) => {
            // A partner workspace without a readable name is shown as unknown, never as its raw id.
            const name = partner.partner?.name ?? t("common.unknown");
            const active = partner.status === "invited" || partner.status === "accepted";
            return (
              <li key={partner.partnerTenantId}>
                <Card>
                  <div className="space-y-3" data-testid={`partner-${partner.partner?.slug ?? partner.partnerTenantId}`}>
                    <p className="font-semibold text-slate-900">
                      {partner.partner ? <ForeignName name={name} /> : name} <span className="font-normal text-slate-600">· {t(`joint.status.${partner.status}`)}</span>
                    </p>
                    <div>
                      <h3 className="text-sm font-medium text-slate-700">{t("joint.partners.members")}</h3>
                      {partner.members.length === 0 ? (
                        <p className="text-sm text-slate-600">{t("joint.partners.noMembers")}</p>
                      ) : (
                        <ul className="text-sm text-slate-800">
                          {partner.members.map((member) => (
                            <li key={member.userId}>{t("joint.partners.memberRole", { name: member.name, role: t(`visitRoles.${member.visitRole}`) })}</li>
                          ))}
                        </ul>
                      )}
                    </div>
                    {active ? (
                      <p className="text-sm text-slate-700">{partner.shareInterviews ? t("joint.partners.interviewsShared") : t("joint.partners.interviewsNotShared")}</p>
                    ) : null}
                    {active ? (
                      <div className="flex flex-wrap gap-2">
                        {mayShare ? <ShareButton partnerTenantId={partner.partnerTenantId} name={name} shared={partner.shareInterviews} /> : null}
                        {mayInvite ? <EndButton partnerTenantId={partner.partnerTenantId} name={name} /> : null}
                      </div>
                    ) : null}
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}

      {mayInvite && visit.editable ? (
        <Card title={t("joint.partners.invite")} id="invite">
          {invitable.length === 0 ? (
            <p className="text-slate-600">{t("joint.partners.noneAvailable")}</p>
          ) : (
            <Form method="post" className="space-y-4">
              <input type="hidden" name="intent" value="invite" />
              {/* Radios, not a select: each entry shows the verified mark, country and slug, the name in <bdi>; verified first. */}
              <fieldset className="space-y-1">
                <legend className="text-sm font-medium text-slate-800">{t("joint.partners.workspace")}</legend>
                {invitable.map((entry) => (
                  <label key={entry.id} className="flex min-h-10 items-center gap-2 text-slate-800">
                    <input type="radio" name="partnerTenantId" value={entry.id} required className={`h-5 w-5 ${FOCUS_RING}`} />
                    <WorkspaceIdentity workspace={entry} />
                  </label>
                ))}
              </fieldset>
              <TextField
                name="confirmSlug"
                label={t("joint.partners.confirmSlug")}
                hint={t("joint.partners.confirmSlugHint")}
                autoComplete="off"
                spellCheck={false}
                maxLength={100}
                error={fieldError(actionData, "confirmSlug", "invite")}
              />
              <Button busy={inviting} busyLabel={t("joint.partners.inviteBusy")}>{t("joint.partners.invite")}</Button>
            </Form>
          )}
        </Card>
      ) : null}
    </div>
  );
}
