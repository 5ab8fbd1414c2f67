import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const TFJS = { group: ['@tensorflow/*'], message: 'Only src/engine may import tfjs (DESIGN.md: layers).' };
const REACT = { group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], message: 'This layer must not depend on React or the store.' };
const layer = (name) => ({ group: [`**/${name}`, `**/${name}/*`, `**/${name}/**`], message: `This layer must not import src/${name} (DESIGN.md: layers).` });

/** DOM-only globals that pure core code must not touch. */
const DOM_GLOBALS = ['window', 'document', 'navigator', 'HTMLElement', 'HTMLCanvasElement', 'CanvasRenderingContext2D', 'ImageData', 'OffscreenCanvas', 'localStorage', 'indexedDB', 'fetch', 'Worker', 'self'].map((name) => ({
  name,
  message: 'src/core is pure TypeScript: no DOM, no browser APIs (DESIGN.md: layers).',
}));

/** Module-level mutable state: top-level `let`/`var`, and top-level `new …` or array/object literals (write `as const` or `Object.freeze` for constants). */
const TOP = ':matches(Program, Program > ExportNamedDeclaration)';
const MODULE_STATE = [
  { selector: `${TOP} > VariableDeclaration[kind!='const']`, message: 'No module-level `let` or `var` here: keep state in the store (or in a closure that the store owns).' },
  { selector: `${TOP} > VariableDeclaration > VariableDeclarator > NewExpression.init`, message: 'No module-level object built with `new` here (a Map, a Set, a controller ...): keep state in the store.' },
  { selector: `${TOP} > VariableDeclaration > VariableDeclarator > :matches(ArrayExpression, ObjectExpression).init`, message: 'A module-level array or object literal could be changed: write `as const` or wrap it in `Object.freeze`, or keep it in the store.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'public/', '.cache/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [TFJS, REACT, layer('engine'), layer('state'), layer('views'), layer('render')] }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: ['src/render/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TFJS, REACT, layer('engine'), layer('state'), layer('views')] }] },
  },
  {
    files: ['src/engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [REACT, layer('state'), layer('views'), layer('render')] }] },
  },
  {
    files: ['src/state/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            TFJS,
            layer('views'),
            layer('render'),
            // State talks to the engine through the engine session only: the main-thread client folder, and protocol types.
            { group: ['**/engine/*', '!**/engine/client', '!**/engine/protocol', '!**/engine/protocol-*'], message: 'src/state may import only src/engine/client/ and types from the engine protocol (DESIGN.md: layers).' },
            { group: ['**/engine/protocol', '**/engine/protocol-*'], allowTypeImports: true, message: 'src/state may import only types from the engine protocol.' },
          ],
        },
      ],
      // The store holds the app's state; a module holds none (a `let`, or a collection or literal that could be changed, at module level).
      'no-restricted-syntax': ['error', ...MODULE_STATE],
    },
  },
  {
    files: ['src/views/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            TFJS,
            // Views may name the engine's protocol types, never run engine code.
            { group: ['**/engine/*', '!**/engine/protocol'], message: 'Views talk to the engine through the store (DESIGN.md: layers).' },
            { group: ['**/engine/protocol'], allowTypeImports: true, message: 'Views may import only types from the engine protocol.' },
          ],
        },
      ],
    },
  },
);
