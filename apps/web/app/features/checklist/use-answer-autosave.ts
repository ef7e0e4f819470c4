import type { LocalizedQuestion } from "@vigil/api";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useChecklistEndpoints } from "./checklist-endpoints";
import { draftFrom, parseDraft, sameAnswer, type AnswerDraft } from "./checklist-values";
import { errorCode, errorMessage } from "../../lib/trpc.client";

/** A saved state of an answer, as the server returned it. */
export type SavedAnswer = {
  value: unknown;
  note: string | null;
  revision: number;
  updatedAt: string | Date | null;
  updatedBy: { id: string; name: string } | null;
};

export type SaveStatus = "idle" | "saving" | "saved" | "conflict" | "error";

export const NEVER_ANSWERED: SavedAnswer = { value: null, note: null, revision: 0, updatedAt: null, updatedBy: null };

// Long enough to let a typist finish a word, short enough that little is lost if the phone dies.
const DEBOUNCE_MS = 800;

type Options = { tenantSlug: string; visitId: string; question: LocalizedQuestion; initial: SavedAnswer; initialDraft?: AnswerDraft };

/**
 * One question's answer with autosave: edits are saved after a pause, one call at a time, each
 * naming the revision it started from. A CONFLICT keeps the editor's draft and fetches the other
 * person's newer answer, so the editor can keep theirs (resave on top) or take the other's.
 */
export function useAnswerAutosave({ tenantSlug, visitId, question, initial, initialDraft }: Options) {
  const { t } = useTranslation();
  const endpoints = useChecklistEndpoints();
  const [draft, setDraft] = useState<AnswerDraft>(initialDraft ?? draftFrom(initial.value, initial.note));
  const [saved, setSaved] = useState<SavedAnswer>(initial);
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SavedAnswer | null>(null);
  const draftRef = useRef(draft);
  const savedRef = useRef(saved);
  const conflictRef = useRef(conflict);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (conflictRef.current) return; // Nothing is saved over a conflict until the editor resolves it.
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const parsed = parseDraft(question.kind, draftRef.current);
    if (!parsed.ok) {
      setStatus("error");
      setError(t("checklistErrors.invalidValue.number"));
      return;
    }
    const base = savedRef.current;
    if (sameAnswer(base, parsed)) return;
    setStatus("saving");
    setError(null);
    inFlight.current = (async () => {
      try {
        const result = await endpoints.save({ tenantSlug, visitId, questionId: question.id, value: parsed.value, note: parsed.note, baseRevision: base.revision });
        savedRef.current = result;
        setSaved(result);
        setStatus("saved");
      } catch (caught) {
        await handleFailure(caught, base.revision);
      } finally {
        inFlight.current = null;
      }
      if (again.current) {
        again.current = false;
        await flush();
      }
    })();
    return inFlight.current;

    async function handleFailure(caught: unknown, baseRevision: number) {
      if (errorCode(caught) === "CONFLICT") {
        // Either someone saved a newer answer, or the visit stopped being editable: the history tells which.
        const [newest] = await endpoints.history({ tenantSlug, visitId, questionId: question.id }).catch(() => []);
        if (newest && newest.revision !== baseRevision) {
          const theirs: SavedAnswer = { value: newest.value, note: newest.note, revision: newest.revision, updatedAt: newest.changedAt, updatedBy: newest.changedBy };
          conflictRef.current = theirs;
          setConflict(theirs);
          setStatus("conflict");
          return;
        }
      }
      setStatus("error");
      setError(errorMessage(caught) ?? t("checklist.status.offline"));
    }
  }, [endpoints, question.id, question.kind, t, tenantSlug, visitId]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const change = useCallback(
    (next: AnswerDraft) => {
      draftRef.current = next;
      setDraft(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  /** Keep my answer: save it on top of the other person's newer revision. */
  const keepMine = useCallback(() => {
    if (!conflictRef.current) return;
    savedRef.current = conflictRef.current;
    setSaved(conflictRef.current);
    conflictRef.current = null;
    setConflict(null);
    void flush();
  }, [flush]);

  /** Take theirs: my draft becomes the other person's answer, which is already saved. */
  const takeTheirs = useCallback(() => {
    const theirs = conflictRef.current;
    if (!theirs) return;
    const next = draftFrom(theirs.value, theirs.note);
    draftRef.current = next;
    setDraft(next);
    savedRef.current = theirs;
    setSaved(theirs);
    conflictRef.current = null;
    setConflict(null);
    setStatus("saved");
  }, []);

  return { draft, saved, status, error, conflict, change, flush, keepMine, takeTheirs };
}
