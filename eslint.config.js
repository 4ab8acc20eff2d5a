import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers that must stay free of React, zustand and the DOM (see ARCHITECTURE.md).
const pureLayers = ['src/model/**', 'src/engine/**', 'src/hdl/**', 'src/usb/**', 'src/cli/**'];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.gpubench',
      '.gl',
      '.vitest',
      'dist',
      'dist-e2e',
      'test-results',
      'playwright-report',
      '**/*.generated.ts',
      'src/engine/backends/wasm/assembly/**',
      'src/engine/sc/wasm/assembly/**',
      'src/engine/learning/wasm/assembly/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/app/**/*.tsx', 'src/app/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: pureLayers,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'Pure layers must not import React.',
            },
            { group: ['zustand', 'zustand/*'], message: 'Pure layers must not import zustand.' },
            {
              group: ['@xyflow/*', 'plotly.js*'],
              message: 'Pure layers must not import UI libraries.',
            },
            {
              group: ['**/app/**', '**/store/**'],
              message: 'Imports flow app -> store -> engine -> model.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
