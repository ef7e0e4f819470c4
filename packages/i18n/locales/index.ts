// Every locale's files, imported statically for Node (server rendering, e-mails, tests); the browser
// imports one language at a time through src/load.ts. Each locale is the union of its files; a file
// owns its top-level keys (a test refuses overlaps).
import en from "./en.ts";
import srCyrl from "./sr-Cyrl.ts";
import srLatn from "./sr-Latn.ts";
import uk from "./uk.ts";

export const LOCALE_FILES = { en, "sr-Cyrl": srCyrl, "sr-Latn": srLatn, uk } as const;
