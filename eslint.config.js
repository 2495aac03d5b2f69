// ESLint: typescript-eslint's recommended rules, no import cycles between files, and the module rule
// of ARCHITECTURE.md — a server module imports another only through that module's entry (index.ts).
import path from "node:path";
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import globals from "globals";
import tseslint from "typescript-eslint";

const MODULES = path.resolve("src/server/modules");

/** A module imports another only through its public entry file (`../other`, i.e. its index.ts). */
const moduleEntry = {
  meta: { type: "problem", messages: { internal: "“{{target}}” is internal to the {{module}} module: import it from that module's entry (../{{module}}) or move it there." } },
  create(context) {
    const file = context.filename;
    if (!file.startsWith(MODULES + path.sep)) return {};
    const own = path.relative(MODULES, file).split(path.sep)[0];
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const target = path.resolve(path.dirname(file), source);
      if (!target.startsWith(MODULES + path.sep)) return;
      const [module, ...rest] = path.relative(MODULES, target).split(path.sep);
      if (module === own || rest.length === 0 || (rest.length === 1 && rest[0] === "index")) return;
      context.report({ node: node.source, messageId: "internal", data: { target: source, module } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  { ignores: ["dist/**", "clients/typescript/src/schema.ts", "node_modules/**", "tmp/**", "data/**", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ["scripts/**", "*.config.*", "src/server/**", "src/simulators/**", "clients/**", "bench/**", "e2e/**"], languageOptions: { globals: globals.node } },
  { files: ["src/web/**"], languageOptions: { globals: globals.browser } },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "import-x": importX, haoban: { rules: { "module-entry": moduleEntry } } },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "haoban/module-entry": "error",
      // The compiler already reports unused names (noUnusedLocals); `_`-prefixed parameters are deliberate.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Tests may read another module's internals (factories, fixtures); the module rule is for the code itself.
    files: ["**/*.test.ts", "e2e/**", "bench/**"],
    rules: { "haoban/module-entry": "off" },
  },
);
