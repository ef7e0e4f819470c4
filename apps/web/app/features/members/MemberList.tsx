import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ActionResult } from "../../lib/form";
import { useUser } from "../../lib/locale";
import { Card } from "../../ui/Card";
import { MemberRow, type Member } from "./MemberRow";

/** All members with their roles; admins manage each one in its row. */
export function MemberList({ members, canManage, result }: { members: Member[]; canManage: boolean; result?: ActionResult }) {
  const { t } = useTranslation();
  const user = useUser();
  const [params] = useSearchParams();
  const confirmRemove = params.get("remove");
  return (
    <Card title={t("members.listTitle", { total: String(members.length) })} id="members">
      <ul className="divide-y divide-slate-100">
        {members.map((member) => (
          <MemberRow
            key={member.id}
            member={member}
            isSelf={member.user.id === user?.id}
            canManage={canManage}
            confirmingRemoval={confirmRemove === member.id}
            result={result?.targetId === member.id ? result : undefined}
          />
        ))}
      </ul>
    </Card>
  );
}
