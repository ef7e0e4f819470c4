import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

export default defineConfig(({ isSsrBuild }) => ({
  // The server build's entry is the Express app (server/app.ts), which wraps React Router's handler.
  // The client build keeps Vite's manifest: the server reads which chunk holds each language's strings
  // from it, to preload the reader's (app/lib/language-chunks.server.ts).
  build: isSsrBuild ? { rollupOptions: { input: "./server/app.ts" } } : { manifest: true },
  plugins: [tailwindcss(), reactRouter()],
}));
