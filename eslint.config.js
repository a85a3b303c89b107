// One lint stack: typescript-eslint (type-aware), Lit's and web components' rules. Formatting is Prettier's job.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const LAYER_MESSAGE =
  'src/model and src/scale are DOM-free layers (see DESIGN.md): this belongs in src/view or the element.';
/** What a DOM-free layer may not import: Lit, and the view, controllers and element above it. */
const LAYER_PATTERNS = [
  { group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'], message: LAYER_MESSAGE },
  {
    group: [
      '**/view/**',
      '**/controllers/**',
      '**/directives/**',
      '**/sources/**',
      '**/date-line.js',
      '**/date-line.styles.js',
      '**/element.js',
      '**/emit.js',
    ],
    message: LAYER_MESSAGE,
  },
];
/** The DOM's globals, which a DOM-free layer may not touch. */
const DOM_GLOBALS = [
  'document',
  'window',
  'navigator',
  'location',
  'history',
  'customElements',
  'getComputedStyle',
  'matchMedia',
  'requestAnimationFrame',
  'HTMLElement',
  'Element',
  'Node',
  'ShadowRoot',
  'MutationObserver',
  'ResizeObserver',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-demo/',
      'types/',
      'bench/',
      'node_modules/',
      'custom-elements.json',
      'src/**/*.generated.ts',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
    languageOptions: { globals: globals.browser },
    rules: {
      // Lit calls listeners bound in templates (@click=${this.handleX}) with `this` set to the element.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The layers DESIGN.md draws, from the bottom: model ← scale ← view ← element. The model (dates, parsing,
    // validation, labels, importers, and the message tables it formats with) and the scale (time ↔ px, ticks,
    // lanes, scenes) are pure: no Lit, no DOM, nothing from the layers above, so they run in Node and workers
    // and are tested as plain functions.
    files: ['src/model/**/*.ts', 'src/scale/**/*.ts', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: LAYER_PATTERNS }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: LAYER_MESSAGE }))],
    },
  },
  {
    files: ['src/model/**/*.ts', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...LAYER_PATTERNS,
            {
              group: ['**/scale/*'],
              message: 'The model is the lowest layer: the scale builds on it, not the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    rules: {
      // chai's `expect(x).to.exist` style reads as an unused expression
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // @open-wc's chai plugins make every assertion thenable, so this rule flags every expect(); the awaited
      // ones (to.be.accessible()) are awaited by hand.
      '@typescript-eslint/no-floating-promises': 'off',
      // These two do not work in WebKit (WebDriver); test/helpers.ts has versions for all three engines.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@web/test-runner-commands',
              importNames: ['setViewport', 'emulateMedia'],
              message:
                'Use setViewport, or emulateMedia and inMediaStates, from test/helpers.ts: they work in WebKit too.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
