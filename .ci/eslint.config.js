// ESLint's flat config. It lives in .ci/ because the project's top level is fixed; `npm run
// lint` points ESLint at it. Patterns start with **/ because they are matched from this folder.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/build/**",
      "**/node_modules/**",
      "**/data/**",
      "**/test-results/**",
      "**/playwright-report/**",
      "**/.output/**",
    ],
  },
  {
    files: ["**/*.{ts,tsx,js}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["error", "warn", "log", "info"] }],
    },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern, even an empty one.
    files: ["**/tests/e2e/**/*.ts"],
    rules: { "no-empty-pattern": "off" },
  },
  {
    files: ["**/db/migrations/**/*.ts"],
    // Migrations are frozen in time and typed against `Kysely<any>` (kysely's migration guide).
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/app/**/*.tsx", "**/emails/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // Code that reaches the browser must not pull in server-only modules (remix-run/remix#8367).
    files: ["**/app/**/*.{ts,tsx}"],
    ignores: [
      "**/*.server.{ts,tsx}",
      "**/app/routes/**",
      "**/app/server/**",
      "**/app/cli/**",
      "**/app/root.tsx",
      "**/app/entry.server.tsx",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["#db/*", "#emails/*", "**/*.server", "~/server/*"],
              message: "Server-only code; import it from a *.server.ts module.",
            },
          ],
        },
      ],
    },
  },
);
