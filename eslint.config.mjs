// ESLint flat config: Next's rules (React, hooks, Core Web Vitals), then
// typescript-eslint's strict set, which forbids `any` and asks for `as` casts
// only where a value's type truly cannot be known otherwise.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", "tests/.tmp/**", "data/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // Two React Compiler diagnostics, for code the compiler would rewrite; Quire
      // does not use it. They flag the hydration marker (setState once after mount)
      // and a form hook that returns its ref beside its state. rules-of-hooks and
      // exhaustive-deps stay on.
      "react-hooks/set-state-in-effect": "off",
      "react-hooks/refs": "off",
      // tsconfig has noUncheckedIndexedAccess, so every `match[1]` and `array[0]` is
      // `T | undefined`; `!` where a regex group or a checked length guarantees the
      // value is the honest, local way to say so.
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/consistent-type-assertions": [
        "error",
        { assertionStyle: "as", objectLiteralTypeAssertions: "allow-as-parameter" },
      ],
      // Unused on purpose when destructuring a field away: name it with a leading underscore.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
);
