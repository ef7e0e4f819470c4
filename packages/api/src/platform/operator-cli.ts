// `pnpm platform:operator add <email>` makes an existing account a platform operator (the /platform
// console; docs/decisions/0231-operator-console.md); `remove <email>` takes it back; `list` shows them.
// The operator must also turn on two-factor sign-in before the console opens. Uses the server's
// settings like `pnpm platform:verify`: DATABASE_OWNER_URL, or the embedded PostgreSQL of VIGIL_DATA_DIR.
import { parseArgs } from "node:util";
import { listPlatformOperators, setPlatformOperator } from "./operators.ts";
import { runWithOwnerDatabase } from "./owner-cli.ts";

const usage = "Usage: pnpm platform:operator add <email> | pnpm platform:operator remove <email> | pnpm platform:operator list";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { help: { type: "boolean", short: "h", default: false } } });
const [command, email] = positionals;
const valid = (command === "list" && positionals.length === 1) || ((command === "add" || command === "remove") && email && positionals.length === 2);
if (values.help || !valid) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
await runWithOwnerDatabase(async () => {
  if (command === "list") {
    const operators = await listPlatformOperators();
    if (operators.length === 0) console.log("No platform operators.");
    for (const operator of operators) console.log(`${operator.email}\tsince ${operator.since.toISOString()}\t${operator.twoFactorEnabled ? "two-factor on" : "two-factor OFF: the console stays closed"}`);
    return;
  }
  const result = await setPlatformOperator(email!, command === "remove");
  if (!result.changed) console.log(`${result.email} ${command === "remove" ? "is not an operator" : "is already an operator"}: nothing changed.`);
  else if (command === "remove") console.log(`${result.email} is no longer a platform operator.`);
  else {
    console.log(`${result.email} is now a platform operator: the console is at /platform.`);
    if (!result.twoFactorEnabled) console.log("They must turn on two-factor sign-in (Account > Two-factor sign-in) before it opens.");
  }
});
