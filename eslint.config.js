// One lint stack: typescript-eslint (type-aware), Lit's and web components' rules. Formatting is Prettier's job.
import { posix, relative, sep } from 'node:path';
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The DOM-free layers DESIGN.md draws, from the bottom (i18n ← model ← scale; the view and the element build on
 * them), and what each may import: its own folder and the layers below it, and only these packages. An allow-list,
 * so a new way out (the element through ../index.js, the sources, a package that touches the DOM) is refused
 * without anyone having listed it. Their globals are allowed by tsconfig.layers.json, whose lib has no DOM.
 */
const LAYERS = {
  'src/i18n': ['src/i18n'],
  'src/model': ['src/model', 'src/i18n'],
  'src/scale': ['src/scale', 'src/model', 'src/i18n'],
};
const LAYER_PACKAGES = ['date-fns', '@date-fns/utc'];

/** `layers/allowed-imports`: imports, re-exports and import types in a layer stay within LAYERS and LAYER_PACKAGES. */
const allowedImports = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      outside:
        '{{layer}} is a DOM-free layer (see DESIGN.md): it may import only from {{allowed}} and the packages {{packages}}, not "{{specifier}}".',
      computed: '{{layer}} is a DOM-free layer: an import must name its module, so the layer rule can check it.',
    },
  },
  create(context) {
    const file = relative(import.meta.dirname, context.filename).replaceAll(sep, '/');
    const layer = Object.keys(LAYERS).find((folder) => file.startsWith(`${folder}/`));
    if (!layer) return {};
    const allowed = LAYERS[layer];
    const check = (source) => {
      if (!source) return;
      if (source.type !== 'Literal' || typeof source.value !== 'string') {
        context.report({ node: source, messageId: 'computed', data: { layer } });
        return;
      }
      const specifier = source.value;
      const permitted = specifier.startsWith('.')
        ? allowed.some((folder) => posix.join(posix.dirname(file), specifier).startsWith(`${folder}/`))
        : LAYER_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
      if (!permitted)
        context.report({
          node: source,
          messageId: 'outside',
          data: { layer, specifier, allowed: allowed.join(', '), packages: LAYER_PACKAGES.join(', ') },
        });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      TSExternalModuleReference: (node) => check(node.expression),
    };
  },
};

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
    files: ['src/model/**/*.ts', 'src/scale/**/*.ts', 'src/i18n/**/*.ts'],
    plugins: { layers: { rules: { 'allowed-imports': allowedImports } } },
    rules: { 'layers/allowed-imports': 'error' },
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
