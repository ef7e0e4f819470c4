import { localizedName } from "@vigil/i18n";
import { transitionVisitSchema } from "@vigil/api/inputs";
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { PageHeader } from "../../ui/PageHeader";
import { AddTeamForms } from "./AddTeamForms";
import { notOnTeam } from "../../lib/team-candidates";
import { FollowUpVisitLink } from "../recommendations/FollowUpVisitLink";
import { PlaceOpenRecommendationsLink } from "../recommendations/PlaceOpenRecommendationsLink";
import { RecommendationsToVerify } from "../recommendations/RecommendationsToVerify";
import { PreparationCard } from "./PreparationCard";
import { StatusActions } from "./StatusActions";
import { TeamList } from "./TeamList";
import { VisitSectionLinks } from "./VisitSectionLinks";
import { VisitSummary } from "./VisitSummary";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { parseForm } from "../../lib/parse-form.server";
import { pageTitle, useLocale, useUser } from "../../lib/locale";
import { MakeAvailableOffline } from "../offline/MakeAvailableOffline";
import { formatDayRange } from "./visit-days";
import { followUpFormLimits } from "../recommendations/recommendation-update.server";
import { expertFrom, memberFrom } from "./visit-team-form.server";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/visit-detail";
import { readForm } from "../../lib/read-form.server";

export const meta: Route.MetaFunction = ({ matches, data: loaded }) =>
  loaded
    ? pageTitle(matches, "visitDetail.title", (locale) => ({ place: localizedName(loaded.visit.place, locale) }), (locale) => formatDayRange(locale, loaded.visit.plannedStart, loaded.visit.plannedEnd))
    : pageTitle(matches, "visitDetail.metaTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const input = { tenantSlug: params.slug, visitId: params.visitId };
  try {
    // One read transaction for the page's procedures (decision 0178).
    return await api.inWorkspace(params.slug, async (caller) => {
      const [visit, preparation, toVerify] = await Promise.all([caller.visits.get(input), caller.visits.preparation(input), caller.recommendations.toVerify(input)]);
      // Only those who may change the team (its lead, coordinators and above) need the list of people to add.
      const members = visit.editable && visit.teamManagement.members ? (await caller.members.list({ tenantSlug: params.slug })).map((m) => m.user) : [];
      return { visit, preparation, members, toVerify, ...followUpFormLimits() };
    });
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const form = await readForm(request);
  const base = { tenantSlug: params.slug, visitId: params.visitId };
  const respond = async (intent: "transition" | "addMember" | "addExpert" | "removeTeamMember", work: () => Promise<unknown>) => {
    const result = await runAction(api, work);
    return data({ ...(result.ok ? { ok: true as const } : result), intent }, { status: result.ok ? 200 : 400 });
  };
  return dispatchIntent(form, {
    transition: (intent) =>
      respond(intent, () => api.caller.visits.transition({ ...base, ...parseForm(form, transitionVisitSchema.pick({ to: true })) })),
    // An empty choice still reaches the server, which answers with a field error.
    addMember: (intent) =>
      respond(intent, () => api.caller.visits.addTeamMember({ ...base, member: memberFrom(form) ?? { kind: "member", userId: "", visitRole: "monitor" } })),
    addExpert: (intent) =>
      respond(intent, () => api.caller.visits.addTeamMember({ ...base, member: expertFrom(form) ?? { kind: "external", name: "", expertise: null, visitRole: "doctor" } })),
    removeTeamMember: (intent) => respond(intent, () => api.caller.visits.removeTeamMember({ ...base, teamMemberId: String(form.get("teamMemberId")) })),
  });
}

export default function VisitDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const { visit, preparation, members, toVerify } = loaderData;
  const canEdit = roleAtLeast(workspace.role, "monitor");
  const user = useUser();
  const base = `/t/${workspace.slug}/visits`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("visitDetail.title", { place: localizedName(visit.place, locale) })}
        lead={`${formatDayRange(locale, visit.plannedStart, visit.plannedEnd)} · ${t(`visitTypes.${visit.type}`)}`}
        actions={
          canEdit && visit.editable ? (
            <Link to={`${base}/${visit.id}/edit`} className={buttonClass("secondary")}>{t("visitDetail.editPlan")}</Link>
          ) : undefined
        }
      />
      <VisitSectionLinks base={`${base}/${visit.id}`} />
      <StatusActions status={visit.status} nextStatuses={visit.nextStatuses} canChange={canEdit}
        result={actionData?.intent === "transition" ? actionData : undefined} />
      <VisitSummary visit={visit} />
      {canEdit && visit.editable && user && visit.team.some((member) => member.user?.id === user.id) ? (
        <Card title={t("offline.cardTitle")} id="offline">
          <MakeAvailableOffline tenantSlug={workspace.slug} visitId={visit.id} />
        </Card>
      ) : null}
      <Card title={t("visitTeam.title")} id="team">
        <div className="space-y-6">
          <TeamList team={visit.team} manage={visit.editable ? visit.teamManagement : { members: false, lead: false }} />
          {visit.editable && visit.teamManagement.members ? <AddTeamForms members={notOnTeam(members, visit.team.map((member) => member.user?.id))} result={actionData} withLead={visit.teamManagement.lead} /> : null}
          {actionData?.intent === "removeTeamMember" && !actionData.ok ? <p role="alert" tabIndex={-1} data-feedback="error" className="text-sm text-red-700">{actionData.message}</p> : null}
        </div>
      </Card>
      <PreparationCard placeName={localizedName(visit.place, locale)} earlierVisits={preparation.earlierVisits} base={base}
        openRecommendations={<PlaceOpenRecommendationsLink slug={workspace.slug} placeId={visit.place.id} placeName={localizedName(visit.place, locale)} />} />
      {toVerify.followUpOf ? (
        <RecommendationsToVerify visitId={visit.id} toVerify={{ ...toVerify, followUpOf: toVerify.followUpOf }} canRecord={canEdit}
          today={loaderData.today} maxMegabytes={loaderData.maxMegabytes} />
      ) : null}
      <FollowUpVisitLink base={base} visitId={visit.id} status={visit.status} canPlan={canEdit} />
    </div>
  );
}
