/** Fired on this window whenever the device's queue changed, so every status on the page updates. */
export const QUEUE_CHANGED = "vigil:offline-queue";

export function announceQueueChange(): void {
  window.dispatchEvent(new Event(QUEUE_CHANGED));
}
