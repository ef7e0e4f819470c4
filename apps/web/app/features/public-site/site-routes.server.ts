import { postSlugSchema } from "@vigil/api/public-site";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A post's slug from the address, or null when it cannot be one (the page then answers the one 404). */
export function postSlugParam(value: string | undefined): string | null {
  const parsed = postSlugSchema.safeParse(value ?? "");
  return parsed.success && parsed.data === value ? parsed.data : null;
}

export function reportIdParam(value: string | undefined): string | null {
  return value && UUID.test(value) ? value : null;
}
