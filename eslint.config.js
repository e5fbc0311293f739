// @ts-check
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import * as regexpPlugin from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Sinks that turn data into markup. Threadline renders data as text only. */
const noHtmlSinks = [
  {
    selector: "MemberExpression[property.name='innerHTML']",
    message: 'innerHTML is banned: build DOM with textContent.',
  },
  {
    selector: "MemberExpression[property.name='outerHTML']",
    message: 'outerHTML is banned: build DOM with textContent.',
  },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'insertAdjacentHTML is banned.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'dangerouslySetInnerHTML is banned.' },
  { selector: "CallExpression[callee.property.name='html']", message: 'd3 .html() writes innerHTML: use .text().' },
  {
    selector: "Property[key.name='xss'] Property[key.name='disabled']",
    message: "Never disable vis-timeline's xss filter.",
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name='write']",
    message: 'document.write is banned.',
  },
];

/** Dates from text are calendar strings checked by rule; Date parsing of strings silently rolls over. */
const noDateFromString = [
  {
    selector:
      "NewExpression[callee.name='Date'][arguments.length=1][arguments.0.type!='Identifier'][arguments.0.type!='MemberExpression'][arguments.0.type!='BinaryExpression'][arguments.0.type!='CallExpression']",
    message: 'new Date(<string>) is banned: use src/model/calendar.ts.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=1][arguments.0.type='Literal']",
    message: 'new Date(<string>) is banned: use src/model/calendar.ts.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=1][arguments.0.type='TemplateLiteral']",
    message: 'new Date(<string>) is banned: use src/model/calendar.ts.',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='parse']",
    message: 'Date.parse is banned: use src/model/calendar.ts.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'data/', 'seeds/', 'bench-results/', 'e2e/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  regexpPlugin.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-restricted-syntax': ['error', ...noHtmlSinks],
      'no-eval': 'error',
      'no-new-func': 'error',
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    files: ['scripts/**/*.ts', 'src/model/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noHtmlSinks, ...noDateFromString] },
  },
  {
    files: ['src/panels/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../timeline/*', '../network/*', '../source/*'],
              message: 'Panels must not import each other: compose in src/app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '**/store/*', '**/panels/*', '**/app/*'],
              message: 'model/ is pure: no React, store or panels.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
