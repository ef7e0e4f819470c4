import { LogOut } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { Button } from "../ui/Button";

/** Signing out changes state, so it is a POST, never a link. */
export function SignOutButton({ className = "" }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/sign-out">
      <Button variant="ghost" className={`min-h-11 gap-2 px-3 py-1 ${className}`}>
        <LogOut aria-hidden="true" className="size-5 shrink-0" />
        {t("nav.signOut")}
      </Button>
    </Form>
  );
}
