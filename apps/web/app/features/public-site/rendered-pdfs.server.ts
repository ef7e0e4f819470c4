import { createHash } from "node:crypto";
import pLimit from "p-limit";

/**
 * Public report PDFs, rendered once per document and kept a while (docs/decisions/0255 streams files
 * outside the page cache; a PDF is not a stored file but a render of ~100 ms on the main thread).
 * Without this, a stranger re-requesting one PDF made the server render it several times a second
 * per address. A document is keyed by its content, so a changed report is a new key and nothing
 * needs forgetting; an unpublished report is refused before this is asked.
 */
const TIME_TO_LIVE_MS = 10 * 60_000;
const MAX_BYTES = 16 * 1024 * 1024;
/** One render at a time: a burst over many reports queues instead of taking both cores. */
const renderTurns = pLimit(1);

type Entry = { pdf: Promise<Uint8Array<ArrayBuffer>>; bytes: number; storedAt: number };
const rendered = new Map<string, Entry>();
let storedBytes = 0;

function remove(key: string): void {
  const entry = rendered.get(key);
  if (!entry) return;
  rendered.delete(key);
  storedBytes -= entry.bytes;
}

/** The PDF of `document` (its JSON), rendered by `render` only if no copy of the same document is kept or being made. */
export function renderedPdf(document: string, render: () => Promise<Uint8Array<ArrayBuffer>>, now = Date.now()): Promise<Uint8Array<ArrayBuffer>> {
  const key = createHash("sha256").update(document).digest("base64url");
  const kept = rendered.get(key);
  if (kept && now - kept.storedAt <= TIME_TO_LIVE_MS) return kept.pdf;
  remove(key);
  const entry: Entry = { pdf: renderTurns(render), bytes: 0, storedAt: now };
  rendered.set(key, entry);
  entry.pdf.then(
    (pdf) => {
      if (rendered.get(key) !== entry) return;
      entry.bytes = pdf.byteLength;
      storedBytes += entry.bytes;
      // A Map iterates in insertion order: the oldest go first.
      while (storedBytes > MAX_BYTES && rendered.size > 1) {
        const oldest = rendered.keys().next().value;
        if (oldest === undefined || oldest === key) break;
        remove(oldest);
      }
    },
    () => {
      // A failed render is not kept: the next request tries again.
      if (rendered.get(key) === entry) rendered.delete(key);
    },
  );
  return entry.pdf;
}
