import type { Prisma, TenantTx } from "@vigil/db";
import type { Locale } from "@vigil/i18n";
import type { Actor } from "../core/actor.ts";
import { recordAudit } from "../core/audit.ts";

export type SiteSettings = { enabled: boolean; languages: Locale[]; mandate: Partial<Record<Locale, string>> };

/** The workspace's public site settings; a workspace that never set them has its site off. */
export async function getSiteSettings(tx: TenantTx, actor: Actor) {
  const site = await tx.publicSite.findUnique({ where: { tenantId: actor.tenantId }, select: { enabled: true, languages: true, mandate: true, updatedAt: true } });
  return {
    enabled: site?.enabled ?? false,
    languages: (site?.languages ?? []) as Locale[],
    mandate: (site?.mandate ?? {}) as Partial<Record<Locale, string>>,
  };
}

/** Turns the site on or off and chooses its languages and mandate; audited. */
export async function saveSiteSettings(tx: TenantTx, actor: Actor, settings: SiteSettings) {
  const before = await getSiteSettings(tx, actor);
  // Empty texts are not kept: a language without a mandate shows none.
  const mandate = Object.fromEntries(Object.entries(settings.mandate).filter(([, text]) => text)) as Prisma.InputJsonObject;
  const data = { enabled: settings.enabled, languages: settings.languages, mandate, updatedAt: new Date() };
  await tx.publicSite.upsert({ where: { tenantId: actor.tenantId }, create: { tenantId: actor.tenantId, ...data }, update: data });
  await recordAudit(tx, actor, {
    action: before.enabled === settings.enabled ? "publicSite.settingsChanged" : settings.enabled ? "publicSite.turnedOn" : "publicSite.turnedOff",
    targetType: "publicSite",
    targetId: actor.tenantId,
    details: { languages: settings.languages },
  });
  return getSiteSettings(tx, actor);
}
