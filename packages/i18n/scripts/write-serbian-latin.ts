// Regenerates locales/sr-Latn.json from locales/sr-Cyrl.json: `pnpm --filter @vigil/i18n latin`.
import { readFile, writeFile } from "node:fs/promises";
import { transliterateResource } from "../src/serbian-script.ts";

const source = new URL("../locales/sr-Cyrl.json", import.meta.url);
const target = new URL("../locales/sr-Latn.json", import.meta.url);
const cyrillic = JSON.parse(await readFile(source, "utf8")) as unknown;
await writeFile(target, `${JSON.stringify(transliterateResource(cyrillic), null, 2)}\n`);
