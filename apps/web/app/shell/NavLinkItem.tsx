import type { LucideIcon } from "lucide-react";
import { NavLink } from "react-router";
import { FOCUS_RING } from "../ui/Button";

/** A navigation link, 44 px high for a thumb; the current page is marked with aria-current by NavLink. */
export function NavLinkItem({ to, label, end = false, icon: Icon }: { to: string; label: string; end?: boolean; icon?: LucideIcon }) {
  return (
    <NavLink
      to={to}
      end={end}
      className={({ isActive }) =>
        `flex min-h-11 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium ${FOCUS_RING} ${isActive ? "bg-teal-50 text-teal-900" : "text-slate-700 hover:bg-slate-100"}`
      }
    >
      {Icon ? <Icon aria-hidden="true" className="size-5 shrink-0" /> : null}
      <span className="min-w-0 break-words">{label}</span>
    </NavLink>
  );
}
