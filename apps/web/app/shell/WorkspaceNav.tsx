import {
  ClipboardList,
  CreditCard,
  FileText,
  Globe,
  Handshake,
  House,
  Landmark,
  LayoutDashboard,
  Library,
  ListChecks,
  MapPin,
  MessagesSquare,
  ScrollText,
  ShieldCheck,
  Users,
  type LucideIcon,
} from "lucide-react";
import { useTranslation } from "react-i18next";
import { NavLinkItem } from "./NavLinkItem";

type Item = { path: string; label: string; icon: LucideIcon; end?: boolean; roles?: readonly string[] };
type Group = { id: "work" | "methodology" | "workspace"; items: Item[] };

// The three groups of the app shell (decision 0185): the field work first, then the methodology, then
// the running of the workspace. `roles` keeps the role-based hiding the header had.
const GROUPS: readonly Group[] = [
  {
    id: "work",
    items: [
      { path: "", label: "nav.home", icon: House, end: true },
      { path: "/visits", label: "visits.nav", icon: ClipboardList },
      { path: "/joint-visits", label: "joint.nav", icon: Handshake },
      { path: "/places", label: "places.nav", icon: MapPin },
      { path: "/recommendations", label: "recommendations.nav", icon: ListChecks },
      { path: "/dashboard", label: "dashboard.nav", icon: LayoutDashboard },
    ],
  },
  {
    id: "methodology",
    items: [
      { path: "/templates", label: "templates.nav", icon: FileText },
      { path: "/library", label: "library.nav", icon: Library },
      { path: "/forums", label: "forums.nav", icon: MessagesSquare },
      { path: "/public-site", label: "publicSite.nav", icon: Globe, roles: ["owner", "admin", "coordinator"] },
    ],
  },
  {
    id: "workspace",
    items: [
      { path: "/authorities", label: "authorities.nav", icon: Landmark },
      { path: "/members", label: "nav.members", icon: Users },
      { path: "/security", label: "security.navLink", icon: ShieldCheck },
      { path: "/audit", label: "auditLog.navLink", icon: ScrollText, roles: ["owner", "admin"] },
      { path: "/billing", label: "billing.nav", icon: CreditCard, roles: ["owner"] },
    ],
  },
];

/** The workspace navigation, grouped; a column in the sidebar, a two-column panel in the phone menu. */
export function WorkspaceNav({ slug, role, className }: { slug: string; role: string | undefined; className: string }) {
  const { t } = useTranslation();
  const base = `/t/${slug}`;
  return (
    <nav aria-label={t("nav.workspace")} className={className}>
      {GROUPS.map((group) => (
        <div key={group.id} className="mt-3 first:mt-0">
          <p id={`nav-group-${group.id}`} className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
            {t(`nav.groups.${group.id}`)}
          </p>
          <ul aria-labelledby={`nav-group-${group.id}`} className="grid grid-cols-2 gap-1 sm:grid-cols-3 lg:grid-cols-1">
            {group.items
              .filter((item) => !item.roles || (role !== undefined && item.roles.includes(role)))
              .map((item) => (
                <li key={item.path}>
                  <NavLinkItem to={`${base}${item.path}`} label={t(item.label)} icon={item.icon} end={item.end} />
                </li>
              ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
