import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

// The office-addins rules are picked one by one: the plugin's own presets force prettier,
// bring an old parser and skip .tsx files.
const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

// Document text is only ever rendered as text (React escapes it): nothing may turn a string into markup or code.
const noMarkupOrCode = {
  "no-eval": "error",
  "no-implied-eval": "error",
  "no-new-func": "error",
  "no-restricted-properties": [
    "error",
    { property: "innerHTML", message: "Render text, never markup: set textContent or let React render it." },
    { property: "outerHTML", message: "Render text, never markup." },
    { property: "insertAdjacentHTML", message: "Render text, never markup." },
    { object: "document", property: "write", message: "Render text, never markup." },
  ],
};
const noMarkupSyntax = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: "Document text is rendered as text only: no dangerouslySetInnerHTML.",
  },
];
// Spreading an array of unbounded length into a call overflows the stack (about 125,000 items): loop instead.
const noUnboundedSpread = [
  {
    selector: "CallExpression[callee.property.name=/^(push|unshift|splice|max|min|fromCharCode|fromCodePoint)$/] > SpreadElement",
    message: "Spreading an array into push/splice/Math.max/… overflows the stack when it is long: use pushAll/insertAll or a loop.",
  },
];

export default tseslint.config(
  { ignores: ["node_modules/", "build/", "dist/", "coverage/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      globals: { ...globals.browser, Office: "readonly", Word: "readonly", OfficeExtension: "readonly" },
    },
    rules: {
      ...officeRules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // The product's code (tests may reset a page with innerHTML = "").
    files: ["src/**/*.{ts,tsx}"],
    rules: { ...noMarkupOrCode, "no-restricted-syntax": ["error", ...noMarkupSyntax] },
  },
  {
    // Every part of the product handles a document's whole contents somewhere (the engine, the .docx reader and
    // writer, the CLI, the pane, the Word gateway, the simulated Word and the preview), so none may spread.
    files: ["src/**/*.{ts,tsx}"],
    rules: { "no-restricted-syntax": ["error", ...noMarkupSyntax, ...noUnboundedSpread] },
  },
  {
    files: ["src/cli/**", "scripts/**", "tests/**", "bin/**", "*.js", "*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { "no-console": "off", "@typescript-eslint/no-require-imports": "off" },
  },
);
