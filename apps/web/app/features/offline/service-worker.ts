/** The cache that holds the offline shell page (its HTML has no user's data: root.tsx). */
export const SHELL_CACHE = "vigil-offline-shell";
const SHELL_URL = "/offline";

/** Registers the service worker (public/sw.js, built by Serwist), where the browser has them. */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
}

/** Keeps the shell for offline use: fetched now, served by the service worker when the network fails. */
export async function keepOfflineShell(): Promise<void> {
  if (!("caches" in window)) return;
  const cache = await caches.open(SHELL_CACHE);
  await cache.add(new Request(SHELL_URL, { credentials: "same-origin" }));
}

/** Sign-out: the shell goes too (it is in the language of the person who kept it). */
export async function forgetOfflineShell(): Promise<void> {
  if ("caches" in window) await caches.delete(SHELL_CACHE);
}
