import { withTenant } from "@vigil/db";
import { createAuthority } from "../registry/authorities.ts";
import { createPlace } from "../registry/places.ts";
import { type DemoWorkspaceContext, ownerActor } from "./context.ts";
import { serbianNameTranslations } from "./registry-names.ts";
import { SERBIAN_AUTHORITIES, SERBIAN_PLACES, UKRAINIAN_AUTHORITIES, UKRAINIAN_PLACES } from "./registry-data.ts";

/** Demo authorities and places, written through the registry services (and so audited like real ones). */
export async function seedRegistry(workspace: DemoWorkspaceContext): Promise<void> {
  const [authorities, places] = workspace.countryCode === "UA" ? [UKRAINIAN_AUTHORITIES, UKRAINIAN_PLACES] : [SERBIAN_AUTHORITIES, SERBIAN_PLACES];
  const actor = ownerActor(workspace);
  await withTenant(workspace.tenantId, workspace.ownerId, async (tx) => {
    const ids = new Map<string, string>();
    // Ministries first: institutions name the ministry they answer to.
    for (const authority of [...authorities].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)))) {
      const parentId = authority.parent ? ids.get(authority.parent)! : null;
      const created = await createAuthority(tx, actor, {
        kind: authority.kind, name: authority.name, nameTranslations: serbianNameTranslations(authority.name), parentId, contactEmail: authority.contactEmail ?? null,
      });
      ids.set(authority.key, created.id);
    }
    for (const place of places) {
      await createPlace(tx, actor, {
        name: place.name, nameTranslations: serbianNameTranslations(place.name), type: place.type, region: place.region, municipality: place.municipality, address: place.address ?? null,
        capacity: place.capacity ?? null, authorityId: ids.get(place.authority)!, notes: place.notes ?? null,
      });
    }
  });
}
