// Lint rules, and the layering of DESIGN.md enforced per folder (as VS Code's
// code-layering rule does): a lower layer never imports a higher one.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', {
      patterns: forbidden.map((dir) => ({ group: [`**/${dir}/**`, `**/${dir}`], message: why })),
    }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/**', 'tests/**/build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-fallthrough': 'error',
    },
  },
  { files: ['scripts/**', 'bin/**', 'src/cli/**', 'e2e/**', '**/*.test.ts', '*.config.*', 'tests/**'], languageOptions: { globals: { ...globals.node } } },
  { files: ['src/ui/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['src/worker/**'], languageOptions: { globals: { ...globals.worker } } },
  layer(['src/protocol/**'], ['machine', 'toolchain', 'guest', 'session', 'worker', 'cli', 'ui'],
    'src/protocol holds shared types and pure helpers; it imports nothing of ours.'),
  layer(['src/machine/**'], ['toolchain', 'guest', 'session', 'worker', 'cli', 'ui'],
    'src/machine is layer 0: it may import only src/protocol.'),
  layer(['src/toolchain/**'], ['guest', 'session', 'worker', 'cli', 'ui'],
    'src/toolchain is layer 0: it may import only src/protocol (and the disassembler of src/machine/cpu).'),
  layer(['src/guest/**'], ['session', 'worker', 'cli', 'ui'],
    'src/guest is layer 1: it may import machine, toolchain and protocol.'),
  layer(['src/session/**'], ['worker', 'cli', 'ui'],
    'src/session is layer 2: it may import machine, toolchain, guest and protocol.'),
  layer(['src/worker/**', 'src/cli/**'], ['ui'],
    'src/worker and src/cli are layer 3: they never import the UI.'),
  layer(['src/ui/**'], ['machine', 'toolchain', 'guest', 'session', 'cli'],
    'src/ui reaches the machine only through the worker protocol (src/protocol).'),
);
