// Shared by the server and the browser: no imports, so the evidence list can tell photos apart
// without pulling the input schemas (zod) into the page's JavaScript.

/** The stored types that are photos: rewritten without metadata on upload (photos.ts), shown as thumbnails. */
export const PHOTO_TYPES: ReadonlySet<string> = new Set(["image/jpeg", "image/png"]);
