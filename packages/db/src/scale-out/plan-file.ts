import { readFile, writeFile } from "node:fs/promises";

/** infra/scale-out.md: prose written by people around one block the catalog writes. */
export const SCALE_OUT_DOCUMENT = new URL("../../../../infra/scale-out.md", import.meta.url);

const START = "<!-- citus-plan:start (generated: pnpm --filter @vigil/db scale-out-plan) -->";
const END = "<!-- citus-plan:end -->";

export async function readCommittedPlan(): Promise<string> {
  const document = await readFile(SCALE_OUT_DOCUMENT, "utf8");
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${SCALE_OUT_DOCUMENT.pathname} has no generated plan block`);
  return unfence(document.slice(start + START.length, end));
}

export async function writePlan(plan: string): Promise<void> {
  const document = await readFile(SCALE_OUT_DOCUMENT, "utf8");
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${SCALE_OUT_DOCUMENT.pathname} has no generated plan block`);
  await writeFile(SCALE_OUT_DOCUMENT, `${document.slice(0, start + START.length)}\n\`\`\`sql\n${plan}\`\`\`\n${document.slice(end)}`);
}

function unfence(block: string): string {
  return block.replace(/^\s*```sql\n/, "").replace(/```\s*$/, "");
}
