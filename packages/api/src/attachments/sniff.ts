/**
 * The evidence types Vigil accepts, recognised by their first bytes: what the browser declares is
 * only the file name's guess (or the uploader's), and a download is served with the type found here.
 */
const EVIDENCE_TYPES = [
  { contentType: "image/jpeg", extension: "jpg", magic: [0xff, 0xd8, 0xff] },
  { contentType: "image/png", extension: "png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { contentType: "application/pdf", extension: "pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
] as const;

/** Enough leading bytes to recognise every accepted type. */
export const SNIFF_BYTES = 8;

export function sniffContentType(head: Uint8Array): string | null {
  const match = EVIDENCE_TYPES.find((type) => type.magic.every((byte, index) => head[index] === byte));
  return match?.contentType ?? null;
}
