import { formatDate, formatDateTime } from "@vigil/i18n";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ChecklistPage } from "../checklist/ChecklistPage";
import { ChecklistEndpointsContext } from "../checklist/checklist-endpoints";
import type { ChecklistPageData } from "../checklist/checklist-page.server";
import { pageTitle, useLocale } from "../../lib/locale";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { PageHeader } from "../../ui/PageHeader";
import { discardQueue, operationStore, readVisit, storedVisits, type VisitSummary } from "./device-store";
import { deviceEndpoints, dismissRefused, editFinding, recordFinding, recordQuestionPhoto, removeFinding, resolveConflict } from "./local-visit";
import type { OfflinePackage } from "./offline-package";
import { OfflineConflicts } from "./OfflineConflicts";
import { OfflineFindings } from "./OfflineFindings";
import { OfflineQuestionPhoto } from "./OfflineQuestionPhoto";
import { OfflineStatusBar } from "./OfflineStatusBar";
import type { QueuedOperation } from "./queue";
import { QUEUE_CHANGED } from "./queue-events";
import { useOfflineSync } from "./use-offline-sync";
import type { Route } from "./+types/offline-visit";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "offline.metaTitle");

/**
 * The offline shell (decision 0210): one page with no data of its own, which the service worker
 * keeps, and which shows a visit from this device's sealed store: `/offline#<workspace>/<visit>`.
 * A checklist page requested without a network is redirected here by the service worker. What is
 * on the page comes from the device; what is changed goes to the device's queue.
 */
export default function OfflineVisit() {
  const { t } = useTranslation();
  const sync = useOfflineSync();
  const [target, setTarget] = useState<{ tenantSlug: string; visitId: string } | null | undefined>(undefined);
  useEffect(() => {
    const read = () => {
      const [tenantSlug, visitId] = decodeURIComponent(window.location.hash.slice(1)).split("/");
      setTarget(tenantSlug && visitId ? { tenantSlug, visitId } : null);
    };
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);

  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-4 sm:py-8">
      <OfflineStatusBar sync={sync} />
      {sync.owner && sync.stopped === "otherPerson" ? <OtherPersonsQueue /> : null}
      {target === undefined || sync.owner === undefined || sync.stopped === "otherPerson" ? null : target && sync.owner ? (
        <DeviceVisit owner={sync.owner} tenantSlug={target.tenantSlug} visitId={target.visitId} />
      ) : (
        <VisitsOnDevice />
      )}
      <p className="text-sm text-slate-700">{t("offline.interviewsOnline")}</p>
    </main>
  );
}

/** Another person's changes are on this device: they are never sent as me, only discarded. */
function OtherPersonsQueue() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p>{t("offline.otherPersonsChanges")}</p>
      <button type="button" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium" onClick={() => {
        if (window.confirm(t("offline.discardConfirm"))) void discardQueue().then(() => window.location.reload());
      }}>
        {t("offline.discard")}
      </button>
    </div>
  );
}

function VisitsOnDevice() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [visits, setVisits] = useState<VisitSummary[] | null>(null);
  useEffect(() => void storedVisits().then(setVisits), []);
  if (!visits) return null;
  return (
    <>
      <PageHeader title={t("offline.title")} lead={t("offline.lead")} />
      {visits.length === 0 ? (
        <EmptyState title={t("offline.none.title")} body={t("offline.none.body")} />
      ) : (
        <ul className="space-y-2">
          {visits.map((visit) => (
            <li key={visit.visitId}>
              <a className="flex min-h-11 items-center text-teal-800 underline" href={`/offline#${visit.tenantSlug}/${visit.visitId}`}>
                {t("offline.storedVisit", { time: formatDateTime(locale, new Date(visit.takenAt)) })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function DeviceVisit({ owner, tenantSlug, visitId }: { owner: string; tenantSlug: string; visitId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [content, setContent] = useState<OfflinePackage | null | undefined>(undefined);
  const [operations, setOperations] = useState<QueuedOperation[]>([]);
  // The checklist is mounted again after a conflict is resolved, from the answers now stored.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const load = () =>
      Promise.all([readVisit(owner, visitId), operationStore(owner).list()]).then(([stored, queued]) => {
        setContent(stored?.content ?? null);
        setOperations(queued.filter((o) => o.visitId === visitId));
      });
    void load();
    const reload = () => void load();
    window.addEventListener(QUEUE_CHANGED, reload);
    return () => window.removeEventListener(QUEUE_CHANGED, reload);
  }, [owner, visitId]);
  const endpoints = useMemo(() => deviceEndpoints(owner, tenantSlug, visitId), [owner, tenantSlug, visitId]);

  if (content === undefined) return null;
  if (content === null) return <EmptyState title={t("offline.notOnDevice.title")} body={t("offline.notOnDevice.body")} />;

  const data = {
    visit: content.visit,
    template: content.template,
    view: content.view,
    answers: Object.fromEntries(content.answers.map((a) => [a.questionId, a])),
    canEdit: content.canEdit,
    history: null,
  } as unknown as ChecklistPageData;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700">{t("offline.takenAt", { time: formatDateTime(locale, new Date(content.takenAt)) })}</p>
      <OfflineConflicts
        view={content.view}
        answers={content.answers}
        operations={operations}
        onResolve={(questionId, theirs, choice) => void resolveConflict(owner, tenantSlug, visitId, questionId, theirs, choice).then(() => setGeneration((g) => g + 1))}
        onDismiss={(seq) => void dismissRefused(owner, seq)}
      />
      <ChecklistEndpointsContext.Provider value={endpoints}>
        <ChecklistPage
          key={generation}
          data={data}
          tenantSlug={tenantSlug}
          saved={undefined}
          back={{ to: `/t/${tenantSlug}/visits/${visitId}`, label: t("checklist.backToVisit"), document: true }}
        />
      </ChecklistEndpointsContext.Provider>
      <OfflineFindings
        findings={content.findings}
        queued={operations}
        canEdit={content.canEdit}
        onRecord={(fields, photo) => recordFinding(owner, tenantSlug, visitId, fields, photo)}
        onEdit={(target, fields) => editFinding(owner, tenantSlug, visitId, target, fields)}
        onDelete={(target) => removeFinding(owner, tenantSlug, visitId, target)}
      />
      {content.view && content.canEdit ? (
        <OfflineQuestionPhoto view={content.view} queued={operations} onRecord={(questionId, photo) => recordQuestionPhoto(owner, tenantSlug, visitId, questionId, photo)} />
      ) : null}
      {content.recommendationsToVerify.length > 0 ? (
        <Card title={t("offline.toVerify")} id="offline-to-verify">
          <ul className="space-y-2 text-sm">
            {content.recommendationsToVerify.map((r) => (
              <li key={r.id}>
                <span className="font-medium">{r.number}.</span> {r.text}
                {r.dueDate ? <span className="text-slate-600"> · {formatDate(locale, r.dueDate)}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title={t("offline.team")} id="offline-team">
        <ul className="text-sm">
          {content.team.map((member, index) => (
            <li key={index}>{member.name} · {t(`visitRoles.${member.visitRole}`)}</li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
