// Regenerates locales/sr-Latn/*.json from locales/sr-Cyrl/*.json: `pnpm --filter @vigil/i18n latin`.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { transliterateResource } from "../src/serbian-script.ts";

const source = new URL("../locales/sr-Cyrl/", import.meta.url);
const target = new URL("../locales/sr-Latn/", import.meta.url);
for (const file of (await readdir(source)).filter((name) => name.endsWith(".json"))) {
  const cyrillic = JSON.parse(await readFile(new URL(file, source), "utf8")) as unknown;
  await writeFile(new URL(file, target), `${JSON.stringify(transliterateResource(cyrillic), null, 2)}\n`);
}
