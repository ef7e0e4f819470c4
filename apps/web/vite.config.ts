import { reactRouter } from "@react-router/dev/vite";
import { serwist } from "@serwist/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

export default defineConfig(({ isSsrBuild, mode }) => ({
  // The server build's entry is the Express app (server/app.ts), which wraps React Router's handler.
  // The client build keeps Vite's manifest: the server reads which chunk holds each language's strings
  // from it, to preload the reader's (app/lib/language-chunks.server.ts).
  build: isSsrBuild ? { rollupOptions: { input: "./server/app.ts" } } : { manifest: true },
  plugins: [
    tailwindcss(),
    reactRouter(),
    // The service worker (worker/sw.ts, decision 0210), with the client build's files to precache;
    // only in the client build: the server has nothing to precache.
    ...(isSsrBuild
      ? []
      : [
          serwist({
            swSrc: "worker/sw.ts",
            swDest: "sw.js",
            globDirectory: "build/client",
            globPatterns: ["**/*.{js,css,woff2,png,svg,ico,webmanifest}"],
            injectionPoint: "self.__SW_MANIFEST",
            rollupFormat: "iife",
            // A build of every language and chart is a few megabytes; no single file should be skipped.
            maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
            // The development server's modules change on every edit: no worker there (registration finds none and gives up).
            disable: mode !== "production",
          }),
        ]),
  ],
}));
