/// <reference lib="webworker" />
import { Serwist, type PrecacheEntry } from "serwist";

/**
 * Vigil's service worker (issue 18, decision 0210), built by @serwist/vite into build/client/sw.js.
 *
 * - Precaches the build (scripts, styles, fonts, icons): the same files for everyone, no one's data.
 * - Caches no page and no API answer: every page and /api call goes to the network. A page is
 *   someone's data (names, answers), and a browser's caches outlive sessions and are shared by
 *   whoever uses the browser next.
 * - Without a network, a visit's checklist or page is redirected to the offline shell
 *   (`/offline#<workspace>/<visit>`), a page without data of its own that the app keeps in its own
 *   cache when a visit is made available offline; the shell reads the visit from the device's
 *   encrypted store, which only the signed-in owner's key opens.
 */

declare global {
  interface WorkerGlobalScope {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const SHELL_CACHE = "vigil-offline-shell";
const SHELL_URL = "/offline";
const VISIT_PAGE = /^\/t\/([^/]+)\/visits\/([0-9a-f-]{36})(?:\/checklist|\/findings)?\/?$/;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [],
});

async function shell(): Promise<Response> {
  const cached = await (await caches.open(SHELL_CACHE)).match(SHELL_URL);
  return cached ?? new Response("Offline", { status: 503, headers: { "content-type": "text/plain; charset=utf-8" } });
}

async function navigate(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    const url = new URL(request.url);
    if (url.pathname === SHELL_URL) return shell();
    const visit = VISIT_PAGE.exec(url.pathname);
    return Response.redirect(visit ? `${url.origin}${SHELL_URL}#${visit[1]}/${visit[2]}` : `${url.origin}${SHELL_URL}`, 302);
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.mode === "navigate" && request.method === "GET" && new URL(request.url).origin === self.location.origin) {
    event.respondWith(navigate(request));
  }
});

serwist.addEventListeners();
