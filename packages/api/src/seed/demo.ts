import { hashPassword } from "@vigil/auth";
import { randomUUID } from "node:crypto";
import { asUser, signInCandidate, withTenant, type MemberRole } from "@vigil/db";
import type { Locale } from "@vigil/i18n";
import { createWorkspace } from "../workspaces/workspaces.ts";
import { setWorkspaceVerification } from "../workspaces/verification.ts";
import type { DemoWorkspaceContext } from "./context.ts";
import { seedChecklists } from "./checklists.ts";
import { seedEvidence } from "./evidence.ts";
import { seedLibraryAndForum } from "./forums.ts";
import { seedRegistry } from "./registry.ts";
import { seedReports } from "./reports.ts";
import { seedTemplates } from "./templates.ts";
import { seedVisits } from "./visits.ts";
import { seedJointVisits } from "./joint-visits.ts";
import { seedPublicSites } from "./public-site.ts";

/** Every demo account signs in with this password (listed in the README). */
export const DEMO_PASSWORD = "vigil-demo-2026";

type DemoUser = { email: string; name: string; locale: Locale };
type DemoWorkspace = { slug: string; name: string; countryCode: string; defaultLocale: Locale; members: { user: DemoUser; role: MemberRole }[] };

const users = {
  jelena: { email: "jelena.petrovic@npm-serbia.example", name: "Јелена Петровић", locale: "sr-Cyrl" },
  marko: { email: "marko.jovanovic@npm-serbia.example", name: "Marko Jovanović", locale: "sr-Latn" },
  olena: { email: "olena.kovalenko@npm-ukraine.example", name: "Олена Коваленко", locale: "uk" },
  andrii: { email: "andrii.shevchenko@npm-ukraine.example", name: "Андрій Шевченко", locale: "uk" },
  ana: { email: "ana.nikolic@see-npm-network.example", name: "Ana Nikolić", locale: "en" },
} satisfies Record<string, DemoUser>;

export const DEMO_WORKSPACES: DemoWorkspace[] = [
  {
    slug: "npm-serbia",
    name: "Protector of Citizens — NPM Serbia",
    countryCode: "RS",
    defaultLocale: "sr-Cyrl",
    members: [
      { user: users.jelena, role: "owner" },
      { user: users.marko, role: "monitor" },
      { user: users.ana, role: "coordinator" },
    ],
  },
  {
    slug: "npm-ukraine",
    name: "Ukrainian Parliament Commissioner for Human Rights — NPM",
    countryCode: "UA",
    defaultLocale: "uk",
    members: [
      { user: users.olena, role: "owner" },
      { user: users.andrii, role: "monitor" },
      { user: users.ana, role: "coordinator" },
    ],
  },
];

/**
 * Loads the demo workspaces through the same services the app uses, so demo rows obey every rule
 * real rows do. Does nothing if the demo owner already exists (safe to run twice).
 */
export async function seedDemoData(options: { log?: (message: string) => void } = {}): Promise<void> {
  const log = options.log ?? (() => {});
  if (await signInCandidate(users.jelena.email)) {
    log("Demo data is already loaded.");
    return;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  const contexts: DemoWorkspaceContext[] = [];
  for (const user of Object.values(users)) {
    // Each account is its own row under row-level security: created as that (new) user.
    const id = randomUUID();
    await asUser(id, (tx) => tx.user.create({ data: { id, email: user.email, name: user.name, preferredLocale: user.locale, passwordHash }, select: { id: true } }));
    ids.set(user.email, id);
  }
  for (const workspace of DEMO_WORKSPACES) {
    const [owner, ...others] = workspace.members;
    const tenant = await createWorkspace({ ...workspace, ownerId: ids.get(owner!.user.email)! });
    // Both demo workspaces stand for real NPMs: verified as an operator would (pnpm platform:verify).
    await setWorkspaceVerification({ slug: tenant.slug, note: "Demo data" });
    await withTenant(tenant.id, null, (tx) =>
      tx.membership.createMany({ data: others.map((member) => ({ tenantId: tenant.id, userId: ids.get(member.user.email)!, role: member.role })) }),
    );
    const context: DemoWorkspaceContext = {
      tenantId: tenant.id,
      slug: tenant.slug,
      countryCode: workspace.countryCode,
      ownerId: ids.get(owner!.user.email)!,
      memberIds: new Map(workspace.members.map((member) => [member.user.email, ids.get(member.user.email)!])),
    };
    // In this order: visits refer to places and template versions; answers and evidence to visits.
    await seedRegistry(context);
    await seedTemplates(context);
    await seedVisits(context);
    await seedChecklists(context);
    await seedEvidence(context);
    await seedReports(context);
    contexts.push(context);
  }
  // Across workspaces, once both exist.
  await seedJointVisits(contexts);
  await seedLibraryAndForum(contexts);
  await seedPublicSites(contexts);
  log(`Demo data loaded: ${DEMO_WORKSPACES.length} workspaces, ${ids.size} people (password: ${DEMO_PASSWORD}).`);
}
