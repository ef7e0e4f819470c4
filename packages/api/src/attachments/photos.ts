import { rename, rm } from "node:fs/promises";
import pLimit from "p-limit";
import type { Readable } from "node:stream";
import type { Sharp, SharpConstructor } from "sharp";

/** Thumbnails fit this square (CSS pixels × 2, for sharp screens); they are never enlarged. */
const THUMBNAIL_SIZE = 320;

/**
 * The largest photo read, in pixels (decision 0243): a 48-megapixel phone camera's 8000 × 6000 fits;
 * sharp's own default (268 million) let a 1.6 MB JPEG of 16383 × 16383 take 2 GB of memory and 50 s
 * once rotated. sharp reads the size from the file's header and refuses before decoding.
 */
const PHOTO_MAX_PIXELS = 50_000_000;

/**
 * One photo decoded at a time in this process: decoding holds the whole image in memory (about
 * 150 MB at the limit), and many uploads or thumbnails at once must not add up to gigabytes.
 */
const photoTurns = pLimit(1);

/**
 * sharp (libvips) loaded on the first photo, not at start, like pdfkit (docs/decisions/0180); its
 * operation cache is off: each photo is read once, and a cache would only hold memory.
 */
async function loadSharp(): Promise<SharpConstructor> {
  const { default: sharp } = await import("sharp");
  sharp.cache(false);
  return sharp;
}

/** A photo the library cannot decode (corrupt, truncated, a decompression bomb): it is refused, never stored unread. */
export class UnreadablePhoto extends Error {}

/**
 * Rewrites a stored photo without its metadata (docs/decisions/0195): EXIF (GPS position, time,
 * camera and phone model, serial numbers), XMP, IPTC, ICC profiles and PNG text chunks. sharp writes
 * none of them unless asked to. The EXIF orientation is applied first, so the photo stays upright
 * once the tag that turned it is gone.
 */
export async function stripPhotoMetadata(filePath: string, contentType: string): Promise<void> {
  const sharp = await loadSharp();
  const cleanPath = `${filePath}.clean`;
  const image = sharp(filePath, { failOn: "error", limitInputPixels: PHOTO_MAX_PIXELS }).rotate();
  try {
    await photoTurns(() => encodeAs(image, contentType).toFile(cleanPath));
  } catch (error) {
    await rm(cleanPath, { force: true });
    throw new UnreadablePhoto("photo could not be decoded", { cause: error });
  }
  await rename(cleanPath, filePath);
}

/**
 * A small JPEG of a stored photo, for the evidence lists; made on request, through the same access
 * check as a download. The photo is streamed in from storage, whichever driver keeps it.
 */
export async function photoThumbnail(photo: Readable): Promise<Buffer> {
  const sharp = await loadSharp();
  const thumbnail = sharp({ limitInputPixels: PHOTO_MAX_PIXELS }).rotate().resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true }).flatten({ background: "#ffffff" }).jpeg({ quality: 80 });
  photo.on("error", (error) => thumbnail.destroy(error));
  return photoTurns(() => photo.pipe(thumbnail).toBuffer());
}

function encodeAs(image: Sharp, contentType: string): Sharp {
  // JPEG at quality 92 with full-resolution colour: close to the original for reading small print in a photo of a register.
  return contentType === "image/png" ? image.png() : image.jpeg({ quality: 92, chromaSubsampling: "4:4:4" });
}
