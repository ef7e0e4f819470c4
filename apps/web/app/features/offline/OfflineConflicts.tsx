import type { LocalizedChecklist } from "@vigil/api";
import { useTranslation } from "react-i18next";
import { ConflictPanel } from "../checklist/ConflictPanel";
import { draftFrom } from "../checklist/checklist-values";
import { Button } from "../../ui/Button";
import type { OfflinePackage } from "./offline-package";
import type { QueuedOperation, TheirAnswer } from "./queue";
import type { Resolution } from "./local-visit";

type Props = {
  view: LocalizedChecklist | null;
  answers: OfflinePackage["answers"];
  operations: QueuedOperation[];
  onResolve: (questionId: string, theirs: TheirAnswer, choice: Resolution) => void;
  onDismiss: (seq: number) => void;
};

/**
 * What the server did not take: answers someone else changed meanwhile (both side by side; keep
 * mine, take theirs or keep mine with both notes) and refused changes with the reason. Nothing
 * leaves the device until the monitor has chosen.
 */
export function OfflineConflicts({ view, answers, operations, onResolve, onDismiss }: Props) {
  const { t } = useTranslation();
  const questions = new Map(view?.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)) ?? []);
  // One panel per question: the newest answer the server named against my latest value.
  const conflicts = new Map<string, TheirAnswer>();
  for (const operation of operations) {
    if (operation.kind === "answer" && operation.state === "conflict" && operation.theirs) {
      const known = conflicts.get(operation.payload.questionId);
      if (!known || known.revision < operation.theirs.revision) conflicts.set(operation.payload.questionId, operation.theirs);
    }
  }
  const refused = operations.filter((o) => o.state === "refused");
  if (conflicts.size === 0 && refused.length === 0) return null;
  return (
    <section aria-labelledby="offline-attention" className="space-y-3">
      <h2 id="offline-attention" className="text-lg font-semibold">{t("offline.attention.title")}</h2>
      {[...conflicts].map(([questionId, theirs]) => {
        const question = questions.get(questionId);
        const mine = answers.find((a) => a.questionId === questionId);
        if (!question) return null;
        return (
          <div key={questionId} className="space-y-2" data-testid="offline-conflict">
            <p className="font-medium">{question.text}</p>
            <ConflictPanel
              question={question}
              theirs={{ value: theirs.value, note: theirs.note, revision: theirs.revision, updatedAt: theirs.updatedAt ?? null, updatedBy: theirs.updatedBy ? { id: "", name: theirs.updatedBy } : null }}
              mine={draftFrom(mine?.value ?? null, mine?.note ?? null)}
              onKeepMine={() => onResolve(questionId, theirs, "mine")}
              onTakeTheirs={() => onResolve(questionId, theirs, "theirs")}
            />
            {theirs.note && mine?.note ? (
              <Button type="button" variant="secondary" className="min-h-12" onClick={() => onResolve(questionId, theirs, "merge")}>
                {t("offline.attention.mergeNotes")}
              </Button>
            ) : null}
          </div>
        );
      })}
      {refused.map((operation) => (
        <div key={operation.seq} role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm" data-testid="offline-refused">
          <p className="font-medium text-red-800">{t("offline.attention.refused", { what: t(`offline.kinds.${operation.kind}`) })}</p>
          <p>{operation.refusal === "PAYLOAD_TOO_LARGE" ? t("offline.attention.tooLarge") : operation.refusal}</p>
          <Button type="button" variant="secondary" className="min-h-11" onClick={() => onDismiss(operation.seq)}>
            {t("offline.attention.dismiss")}
          </Button>
        </div>
      ))}
    </section>
  );
}
