import { LogOut } from "lucide-react";
import { useRef, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Form, useSubmit } from "react-router";
import { queueSummary, wipeDevice } from "../features/offline/device-store";
import { forgetOfflineShell } from "../features/offline/service-worker";
import { Button } from "../ui/Button";

/**
 * Signing out changes state, so it is a POST, never a link. It first wipes what this browser keeps
 * for offline visits, the key included (decision 0210), after asking if changes still wait.
 */
export function SignOutButton({ className = "" }: { className?: string }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const wiped = useRef(false);
  async function signOut(event: FormEvent<HTMLFormElement>) {
    if (wiped.current) return;
    event.preventDefault();
    const form = event.currentTarget;
    const waiting = await queueSummary().then((summary) => summary.pending + summary.conflicts, () => 0);
    if (waiting > 0 && !window.confirm(t("offline.signOutConfirm", { count: waiting }))) return;
    await Promise.all([wipeDevice(), forgetOfflineShell()]).catch(() => undefined);
    wiped.current = true;
    void submit(form);
  }
  return (
    <Form method="post" action="/sign-out" onSubmit={(event) => void signOut(event)}>
      <Button variant="ghost" className={`min-h-11 gap-2 px-3 py-1 ${className}`}>
        <LogOut aria-hidden="true" className="size-5 shrink-0" />
        {t("nav.signOut")}
      </Button>
    </Form>
  );
}
