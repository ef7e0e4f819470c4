import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { Button } from "../ui/Button";

/** Signing out changes state, so it is a POST, never a link. */
export function SignOutButton() {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/sign-out">
      <Button variant="ghost" className="min-h-9 px-3 py-1">
        {t("nav.signOut")}
      </Button>
    </Form>
  );
}
