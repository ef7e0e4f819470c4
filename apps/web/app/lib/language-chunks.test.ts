import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLanguageChunks } from "./language-chunks.server";

function clientDirWith(manifest: object): string {
  const dir = mkdtempSync(path.join(tmpdir(), "vigil-manifest-"));
  mkdirSync(path.join(dir, ".vite"));
  writeFileSync(path.join(dir, ".vite/manifest.json"), JSON.stringify(manifest));
  return dir;
}

describe("readLanguageChunks", () => {
  it("finds each language's chunk and the chunks it imports in the client build's manifest", () => {
    const dir = clientDirWith({
      "../../packages/i18n/locales/uk.ts": { file: "assets/uk-abc.js", src: "../../packages/i18n/locales/uk.ts", isDynamicEntry: true, imports: ["_shared.js"] },
      "../../packages/i18n/locales/sr-Latn.ts": { file: "assets/sr-Latn-def.js", src: "../../packages/i18n/locales/sr-Latn.ts", isDynamicEntry: true },
      "_shared.js": { file: "assets/shared-123.js", imports: ["_shared.js"] },
      "app/root.tsx": { file: "assets/root-999.js", src: "app/root.tsx", isEntry: true },
    });
    expect(readLanguageChunks(dir)).toEqual({ uk: ["/assets/uk-abc.js", "/assets/shared-123.js"], "sr-Latn": ["/assets/sr-Latn-def.js"] });
  });

  it("preloads nothing without a client build (development) or with an unreadable manifest", () => {
    expect(readLanguageChunks(undefined)).toEqual({});
    expect(readLanguageChunks(path.join(tmpdir(), "no-such-vigil-build"))).toEqual({});
    const broken = mkdtempSync(path.join(tmpdir(), "vigil-manifest-"));
    mkdirSync(path.join(broken, ".vite"));
    writeFileSync(path.join(broken, ".vite/manifest.json"), "{ not json");
    expect(readLanguageChunks(broken)).toEqual({});
  });
});
