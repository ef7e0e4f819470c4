import { formatDate } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { useBusy, type ActionResult } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import { Button, buttonClass } from "../../ui/Button";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { RoleSelect } from "./RoleSelect";
import type { ServerOutputs } from "../../lib/api-types";

export type Member = ServerOutputs["members"]["list"][number];

type Props = { member: Member; isSelf: boolean; canManage: boolean; confirmingRemoval: boolean; result?: ActionResult };

/** One member: details, and for admins a role form and a two-step removal (link, then confirm). */
export function MemberRow({ member, isSelf, canManage, confirmingRemoval, result }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useBusy("changeRole", { name: "membershipId", value: member.id });
  const error = result && !result.ok ? result.message : undefined;
  const errorId = `member-${member.id}-error`;
  return (
    <li className="flex flex-col gap-3 py-4 md:flex-row md:items-start md:justify-between">
      <div>
        <p className="font-medium text-slate-900">
          {member.user.name} {isSelf ? <span className="text-sm font-normal text-slate-600">{t("members.you")}</span> : null}
        </p>
        <p className="text-sm text-slate-600">{member.user.email}</p>
        <p className="text-sm text-slate-600">
          {t(`roles.${member.role}`)} · {t("members.since", { date: formatDate(locale, member.createdAt) })}
        </p>
      </div>
      {canManage && !isSelf ? (
        <div className="space-y-2 md:max-w-sm">
          <FormError id={errorId} message={error} />
          <FormSuccess message={result?.ok && result.intent === "changeRole" ? t("members.roleChanged") : undefined} />
          <Form method="post" className="flex items-end gap-2">
            <input type="hidden" name="intent" value="changeRole" />
            <input type="hidden" name="membershipId" value={member.id} />
            <RoleSelect id={`role-${member.id}`} label={t("members.roleFor", { name: member.user.name })} defaultValue={member.role} hideLabel />
            <Button variant="secondary" busy={busy} aria-describedby={error ? errorId : undefined}>
              {t("members.changeRole")}
            </Button>
          </Form>
          {confirmingRemoval ? (
            <Form method="post" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
              <p className="text-sm text-red-900">{t("members.removeConfirm", { name: member.user.name })}</p>
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="membershipId" value={member.id} />
              <div className="flex gap-2">
                <Button variant="danger">{t("members.removeYes")}</Button>
                <Link to="." className={buttonClass("ghost")}>
                  {t("common.cancel")}
                </Link>
              </div>
            </Form>
          ) : (
            <Link to={`?remove=${member.id}`} className={buttonClass("ghost")} aria-label={t("members.removeFor", { name: member.user.name })}>
              {t("members.remove")}
            </Link>
          )}
        </div>
      ) : null}
    </li>
  );
}
