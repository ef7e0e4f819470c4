import { useTranslation } from "react-i18next";
import { useChecklistEndpoints } from "./checklist-endpoints";
import type { SaveStatus } from "./use-answer-autosave";

const TONE: Record<SaveStatus, string> = {
  idle: "text-slate-600",
  saving: "text-slate-600",
  saved: "text-teal-800",
  conflict: "text-amber-800",
  error: "text-red-700",
};

/**
 * "Saving… / Saved / Conflict / Not saved" for one question, in a polite live region so that a
 * screen reader hears the outcome of an autosave without losing its place. While idle the region is
 * empty and takes no room (sr-only keeps it a live region): no gap between the note and the history.
 */
export function AnswerStatus({ status, error, questionId }: { status: SaveStatus; error: string | null; questionId: string }) {
  const { t } = useTranslation();
  const { savedStatusKey } = useChecklistEndpoints();
  const text =
    status === "idle" ? ""
    : status === "error" && error ? `${t("checklist.status.error")}: ${error}`
    : status === "saved" && savedStatusKey ? t(savedStatusKey)
    : t(`checklist.status.${status}`);
  return (
    <p id={`status-${questionId}`} aria-live="polite" data-status={status} className={`text-sm font-medium ${status === "idle" ? "sr-only" : TONE[status]}`}>
      {text}
    </p>
  );
}
