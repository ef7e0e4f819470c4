import js from "@eslint/js";
import i18next from "eslint-plugin-i18next";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Boundaries (docs/decisions/0171). ESLint applies one option set per rule and file, the last
// matching block's, so each block below lists every restriction that holds for its files.

/**
 * The modules that may use the privileged database handle (the owner role, no row-level security):
 * cross-tenant look-ups, background jobs and operator commands, their tests and the test set-up.
 * A new caller is added here on purpose, in review, never by accident.
 */
const privilegedHandleUsers = [
  "packages/db/src/privileged.ts",
  // Look-ups before a tenant is known, jobs and commands.
  "packages/api/src/billing/webhooks.ts",
  "packages/api/src/members/invitations.ts",
  "packages/api/src/recommendations/reminders.ts",
  "packages/api/src/recommendations/send-reminders.ts",
  "packages/api/src/jobs/worker.ts",
  "packages/api/src/security/totp-secrets.ts",
  "packages/api/src/workspaces/deletion.ts",
  "packages/api/src/workspaces/export.ts",
  "packages/api/src/workspaces/verification.ts",
  // The operator console writes the owner role's columns and reads metadata across workspaces (decision 0231).
  "packages/api/src/platform/console.ts",
  "packages/api/src/platform/operators.ts",
  // The operator commands run against the owner role (platform:verify, platform:operator).
  "packages/api/src/platform/owner-cli.ts",
  "packages/api/src/seed/run.ts",
  "packages/bench/src/run.ts",
  // Tests read and arrange rows across tenants through it.
  "packages/config/vitest.setup.ts",
  "apps/web/e2e/checklist-fixture.ts",
  "packages/api/src/account/accounts.int.test.ts",
  "packages/api/src/account/recovery.int.test.ts",
  "packages/api/src/audit/log.int.test.ts",
  "packages/api/src/billing/entitlements.int.test.ts",
  "packages/api/src/billing/webhooks.int.test.ts",
  "packages/api/src/http/handler.int.test.ts",
  "packages/api/src/isolation/tenant-procedures.int.test.ts",
  "packages/api/src/isolation/platform-procedures.int.test.ts",
  "packages/api/src/platform/console.int.test.ts",
  "packages/api/src/jobs/purge.int.test.ts",
  // Makes one row's commit fail (a deferred trigger, as the owner) to prove files outlive rollbacks (decision 0252).
  "packages/api/src/attachments/removal-after-commit.int.test.ts",
  "packages/api/src/members/members.int.test.ts",
  "packages/api/src/recommendations/reminders.int.test.ts",
  "packages/api/src/security/reauthentication.int.test.ts",
  "packages/api/src/security/totp-secret-encryption.int.test.ts",
  "packages/api/src/security/two-factor.int.test.ts",
  "packages/api/src/seed/demo.int.test.ts",
  "packages/api/src/seed/forums.int.test.ts",
  "packages/api/src/workspaces/deletion.int.test.ts",
  "packages/api/src/workspaces/export.int.test.ts",
];

const privilegedHandle = {
  paths: [{ name: "@vigil/db/privileged", message: "The privileged handle bypasses row-level security: only the modules listed in packages/config/eslint.config.js may use it (docs/decisions/0171)." }],
  patterns: [{ regex: "^\\.{1,2}/(.*/)?privileged(\\.ts)?$", message: "Import the privileged handle as @vigil/db/privileged, and only from a listed module." }],
  syntax: [{ selector: "ImportExpression[source.value='@vigil/db/privileged']", message: "The privileged handle bypasses row-level security: only the modules listed in packages/config/eslint.config.js may use it (docs/decisions/0171)." }],
};

/** core/ is what every domain builds on, so it imports no domain (nor anything else above it). */
const coreImportsNoDomain = {
  paths: [],
  patterns: [{ regex: "^\\.\\./", message: "core/ imports no domain: move what both need into core/ (docs/decisions/0171)." }],
  syntax: [{ selector: "ImportExpression[source.value=/^\\.\\.\\//]", message: "core/ imports no domain: move what both need into core/ (docs/decisions/0171)." }],
};

/** The web app reaches a package only through the package's exports, never into its files. */
const webUsesPackageExports = {
  paths: [],
  patterns: [
    { regex: "^@vigil/[^/]+/src(/|$)", message: "Import a package through its exports (its package.json), not its src/ (docs/decisions/0171)." },
    { regex: "(^|/)packages/", message: "Import a package by its name (@vigil/...) through its exports, not by a path into packages/ (docs/decisions/0171)." },
  ],
  syntax: [{ selector: "ImportExpression[source.value=/(^|\\/)packages\\/|^@vigil\\/[^/]+\\/src(\\/|$)/]", message: "Import a package by its name through its exports (docs/decisions/0171)." }],
};

/** The two rules that carry a set of restrictions, merged into one option set. */
function restrict(...sets) {
  return {
    "no-restricted-imports": ["error", { paths: sets.flatMap((set) => set.paths), patterns: sets.flatMap((set) => set.patterns) }],
    "no-restricted-syntax": ["error", ...sets.flatMap((set) => set.syntax)],
  };
}

const sources = ["**/*.{js,mjs,cjs,ts,mts,cts,tsx,jsx}"];
const boundaries = [
  { files: sources, ignores: privilegedHandleUsers, rules: restrict(privilegedHandle) },
  { files: ["packages/api/src/core/**"], rules: restrict(privilegedHandle, coreImportsNoDomain) },
  { files: ["apps/web/app/**"], rules: restrict(privilegedHandle, webUsesPackageExports) },
];

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/build/**", "**/generated/**", "**/.react-router/**", "**/test-results/**", "**/playwright-report/**", ".vigil/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["apps/web/app/**/*.tsx"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Every word a user reads comes from the locale files.
      "i18next/no-literal-string": ["error", { mode: "jsx-only", "jsx-attributes": { include: ["alt", "aria-label", "title", "placeholder"] } }],
    },
  },
  ...boundaries,
);
