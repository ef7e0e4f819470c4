import { localizedName } from "@vigil/i18n";
import { nominateMemberSchema } from "@vigil/api/inputs";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link } from "react-router";
import { Button, buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { SelectField } from "../../ui/SelectField";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { parseForm } from "../../lib/parse-form.server";
import { useBusy } from "../../lib/form";
import { notOnTeam } from "../../lib/team-candidates";
import { VisitRoleSelect } from "../visits/VisitRoleSelect";
import { pageTitle, useLocale } from "../../lib/locale";
import { formatDayRange } from "../visits/visit-days";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/joint-visits";
import { readForm } from "../../lib/read-form.server";
import { ForeignName, withNames } from "../../lib/bdi";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "joint.metaTitle");

/** The partner's side: joint visits of other workspaces, invitations to answer, the team to nominate. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const tenantSlug = params.slug;
  try {
    const [visits, setting, current] = await Promise.all([
      api.caller.jointVisits.list({ tenantSlug }),
      api.caller.jointVisits.setting({ tenantSlug }),
      api.workspace(tenantSlug), // the layout's read of this request
    ]);
    // Only admins nominate, so only they need the member list.
    const members = roleAtLeastServer(current.role) ? (await api.caller.members.list({ tenantSlug })).map((m) => m.user) : [];
    return { visits, setting, members };
  } catch (error) {
    loaderError(error, request);
  }
}

function roleAtLeastServer(role: string): boolean {
  return role === "owner" || role === "admin";
}

type Intent = "setting" | "accept" | "decline" | "nominate" | "withdraw";

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const form = await readForm(request);
  const field = (name: string) => String(form.get(name) ?? "");
  const tenantSlug = params.slug;
  const invitation = { tenantSlug, hostTenantId: field("hostTenantId"), visitId: field("visitId") };
  const respond = async (intent: Intent, work: () => Promise<unknown>) => {
    const result = await runAction(api, work);
    return data({ ...(result.ok ? { ok: true as const } : result), intent, targetId: invitation.visitId }, { status: result.ok ? 200 : 400 });
  };
  return dispatchIntent(form, {
    setting: (intent) => respond(intent, () => api.caller.jointVisits.setAllowed({ tenantSlug, allow: field("allow") === "true" })),
    accept: (intent) => respond(intent, () => api.caller.jointVisits.respond({ ...invitation, accept: true })),
    decline: (intent) => respond(intent, () => api.caller.jointVisits.respond({ ...invitation, accept: false })),
    withdraw: (intent) => respond(intent, () => api.caller.jointVisits.withdraw({ ...invitation, userId: field("userId") })),
    nominate: (intent) =>
      respond(intent, () => api.caller.jointVisits.nominate({ ...invitation, userId: field("userId"), ...parseForm(form, nominateMemberSchema.pick({ visitRole: true })) })),
  });
}

/*
 * Per-visit buttons call useBusy for their own visit (the hidden visitId), so answering or nominating
 * on one visit does not show every visit's button as busy. Accept and decline keep their short
 * accessible names (the e2e spec finds "Accept" exactly) and are described by the visit's heading,
 * which tells screen-reader users which visit they answer; Nominate names the place.
 */
function RespondButton({ intent, visitId, describedBy, children }: { intent: "accept" | "decline"; visitId: string; describedBy: string; children: ReactNode }) {
  const { t } = useTranslation();
  const busy = useBusy(intent, { name: "visitId", value: visitId });
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {children}
      <Button variant={intent === "accept" ? "primary" : "secondary"} busy={busy} aria-describedby={describedBy}>
        {intent === "accept" ? t("joint.respond.accept") : t("joint.respond.decline")}
      </Button>
    </Form>
  );
}

function NominateButton({ visitId, place }: { visitId: string; place: string }) {
  const { t } = useTranslation();
  const busy = useBusy("nominate", { name: "visitId", value: visitId });
  return (
    <Button variant="secondary" busy={busy} busyLabel={t("joint.nominate.busy")} aria-label={t("joint.nominate.submitNamed", { place })}>{t("joint.nominate.submit")}</Button>
  );
}

export default function JointVisits({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const { visits, setting, members } = loaderData;
  const isAdmin = roleAtLeast(workspace.role, "admin");
  const messages: Record<Intent, string> = {
    setting: t("joint.setting.saved"),
    accept: t("joint.respond.accepted"),
    decline: t("joint.respond.declined"),
    nominate: t("joint.nominate.saved"),
    withdraw: t("joint.nominate.saved"),
  };
  return (
    <div className="space-y-6">
      <PageHeader title={t("joint.title")} lead={t("joint.lead")} />
      <FormSuccess message={actionData?.ok ? messages[actionData.intent] : null} />
      {actionData && !actionData.ok ? <FormError message={actionData.message} /> : null}

      <Card title={t("joint.setting.title")} id="joint-setting">
        <p className="text-slate-700">{setting.allowJointVisits ? t("joint.setting.on") : t("joint.setting.off")}</p>
        {isAdmin ? (
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="setting" />
            <input type="hidden" name="allow" value={setting.allowJointVisits ? "false" : "true"} />
            <Button variant="secondary">{setting.allowJointVisits ? t("joint.setting.disallow") : t("joint.setting.allow")}</Button>
          </Form>
        ) : null}
      </Card>

      {visits.length === 0 ? (
        <EmptyState title={t("joint.empty.title")} body={t("joint.empty.body")} />
      ) : (
        <ul className="space-y-4" aria-label={t("joint.title")}>
          {visits.map((visit) => {
            const hidden = (
              <>
                <input type="hidden" name="hostTenantId" value={visit.host.id} />
                <input type="hidden" name="visitId" value={visit.visitId} />
              </>
            );
            const headingId = `joint-visit-${visit.visitId}`;
            return (
              <li key={`${visit.host.id}-${visit.visitId}`}>
                <Card>
                  <div className="space-y-3">
                    <div>
                      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
                        {t("joint.placeAndDates", { place: localizedName(visit.place, locale), dates: formatDayRange(locale, visit.plannedStart, visit.plannedEnd) })}
                      </h2>
                      <p className="text-sm text-slate-700">
                        {withNames(t).t("joint.hostedBy", { host: <><ForeignName name={visit.host.name} /> ({visit.host.countryCode})</> })} · {t(`joint.status.${visit.status}`)}
                      </p>
                    </div>

                    {visit.status === "invited" && isAdmin ? (
                      <div className="flex flex-wrap gap-2">
                        <RespondButton intent="accept" visitId={visit.visitId} describedBy={headingId}>{hidden}</RespondButton>
                        <RespondButton intent="decline" visitId={visit.visitId} describedBy={headingId}>{hidden}</RespondButton>
                      </div>
                    ) : null}

                    {visit.status === "accepted" ? (
                      <div className="space-y-3">
                        <h3 className="text-sm font-medium text-slate-700">{t("joint.nominate.title")}</h3>
                        {visit.members.length === 0 ? (
                          <p className="text-sm text-slate-600">{t("joint.nominate.none")}</p>
                        ) : (
                          <ul className="text-sm text-slate-800">
                            {visit.members.map((member) => (
                              <li key={member.userId} className="flex flex-wrap items-center gap-2">
                                <span>{t("joint.partners.memberRole", { name: member.name, role: t(`visitRoles.${member.visitRole}`) })}</span>
                                {isAdmin ? (
                                  <Form method="post">
                                    <input type="hidden" name="intent" value="withdraw" />
                                    {hidden}
                                    <input type="hidden" name="userId" value={member.userId} />
                                    <Button variant="ghost">{t("joint.nominate.remove", { name: member.name })}</Button>
                                  </Form>
                                ) : null}
                              </li>
                            ))}
                          </ul>
                        )}
                        {isAdmin && notOnTeam(members, visit.members.map((member) => member.userId)).length > 0 ? (
                          <Form method="post" className="flex flex-wrap items-end gap-3">
                            <input type="hidden" name="intent" value="nominate" />
                            {hidden}
                            <SelectField
                              name="userId"
                              id={`member-${visit.visitId}`}
                              label={t("joint.nominate.member")}
                              options={notOnTeam(members, visit.members.map((member) => member.userId)).map((member) => ({ value: member.id, label: member.name }))}
                            />
                            <VisitRoleSelect name="visitRole" id={`role-${visit.visitId}`} label={t("joint.nominate.role")} defaultValue="monitor" />
                            <NominateButton visitId={visit.visitId} place={localizedName(visit.place, locale)} />
                          </Form>
                        ) : null}
                        {visit.nominated ? (
                          <Link to={`/t/${workspace.slug}/joint-visits/${visit.visitId}`} className={buttonClass("primary")}>{t("joint.open")}</Link>
                        ) : (
                          <p className="text-sm text-slate-600">{t("joint.notNominated")}</p>
                        )}
                      </div>
                    ) : null}
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
