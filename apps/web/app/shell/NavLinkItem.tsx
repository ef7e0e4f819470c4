import { NavLink } from "react-router";
import { FOCUS_RING } from "../ui/Button";

/** A header navigation link; the current page is marked with aria-current by NavLink. */
export function NavLinkItem({ to, label, end = false }: { to: string; label: string; end?: boolean }) {
  return (
    <NavLink
      to={to}
      end={end}
      className={({ isActive }) =>
        `rounded-md px-3 py-2 text-sm font-medium ${FOCUS_RING} ${isActive ? "bg-teal-50 text-teal-900" : "text-slate-700 hover:bg-slate-100"}`
      }
    >
      {label}
    </NavLink>
  );
}
