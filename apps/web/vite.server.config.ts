import { defineConfig } from "vite";

// The production entry (server/main.ts) compiled to JavaScript at build time, so that `pnpm start`
// runs plain `node` with no TypeScript transpiler loaded (docs/decisions/0180). It runs after
// `react-router build` and writes build/main.js beside build/server and build/client, which it
// loads at run time. The workspace packages (@vigil/*, TypeScript sources) are bundled in; every
// other package stays an import resolved from apps/web's node_modules, as in the server build.
export default defineConfig({
  build: {
    ssr: "./server/main.ts",
    outDir: "build",
    emptyOutDir: false,
    copyPublicDir: false,
    target: "node20",
    rolldownOptions: { output: { entryFileNames: "main.js", chunkFileNames: "main/[name]-[hash].js" } },
  },
  ssr: { noExternal: [/^@vigil\//] },
});
