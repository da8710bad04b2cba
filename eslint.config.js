// Lint rules, and the layering of src/ (docs/architecture.md) as an allowlist:
// each folder of src/ names the folders it may import, and every other import
// of src/ is refused, static, dynamic (`import()`) or re-exported
// (`export … from`) alike. A folder that is not in LAYERS may import nothing of
// src/, and nothing may import it, until it is added here. Inside src/toolchain
// the compiler's stages are ordered the same way (STAGES).
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const root = import.meta.dirname;
const src = (...parts) => path.join(root, 'src', ...parts);

/** Each layer, what it may import besides itself, and why, in the words the
 * lint error shows. */
const LAYERS = {
  protocol: { may: [], why: 'it holds the types and pure helpers that the worker and the UI share, so it imports nothing of ours' },
  machine: { may: ['protocol'], why: 'the virtual hardware (layer 0) knows nothing of the compiler, the session or who drives it' },
  toolchain: { may: ['protocol'], why: 'the compiler (layer 0) knows nothing of the machine it compiles for' },
  guest: { may: ['machine', 'toolchain', 'protocol'], why: 'the guest kernel (layer 1) runs on the machine and loads what the compiler builds; sessions drive it' },
  session: { may: ['guest', 'machine', 'toolchain', 'protocol'], why: 'a session (layer 2) drives the machine; the worker and the CLI drive sessions' },
  worker: { may: ['session', 'guest', 'machine', 'toolchain', 'protocol'], why: 'the worker (layer 3) never imports the CLI or the UI' },
  cli: { may: ['session', 'guest', 'machine', 'toolchain', 'protocol'], why: 'the CLI (layer 3) never imports the worker or the UI' },
  ui: { may: ['protocol'], why: 'the page reaches the machine only through the worker, by the messages of src/protocol' },
};

const layerZone = ([name, { may, why }]) => ({
  target: src(name, '**'),
  from: src('**'),
  except: [name, ...may].map((dir) => src(dir, '**')),
  message: `src/${name} may import only ${[name, ...may].map((d) => `src/${d}`).join(', ')}: ${why}.`,
});

const unknownFolderZone = {
  target: [src(`!(${Object.keys(LAYERS).join('|')})`, '**'), src('*')],
  from: src('**'),
  message: 'This file is in no layer of src/. Add its folder to LAYERS in eslint.config.js with the folders it may import (and to docs/architecture.md).',
};

const layerZones = [...Object.entries(LAYERS).map(layerZone), unknownFolderZone];

/** The compiler's stages in pipeline order. A stage may import the stages before it and the
 * two files of src/toolchain/ that every stage shares, never a later stage nor the driver
 * (compile.ts): so each stage can be read, and tested, without the ones after it. */
const STAGES = ['preprocess', 'parse', 'codegen', 'asm', 'obj'];
const TOOLCHAIN_SHARED = ['diagnostics.ts', 'big-arrays.ts', 'name-table.ts'];

const stageZone = (name, i) => {
  const may = STAGES.slice(0, i + 1);
  return {
    target: src('toolchain', name, '**'),
    from: src('toolchain', '**'),
    except: [...may.map((d) => src('toolchain', d, '**')), src('toolchain', `{${TOOLCHAIN_SHARED.join(',')}}`)],
    message: `src/toolchain/${name} may import only ${[...may, ...TOOLCHAIN_SHARED].map((d) => `src/toolchain/${d}`).join(', ')}: ` +
      `the compiler's stages run in the order ${STAGES.join(' < ')}, and a stage never reaches into a later one or into the driver (compile.ts).`,
  };
};

const importSettings = {
  // Resolve imports as tsc does (.ts files, `.js` standing for `.ts`), so no
  // import that compiles escapes the rule by failing to resolve.
  'import-x/resolver-next': [createNodeResolver({
    extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] },
  })],
};

const layering = {
  files: ['src/**'],
  plugins: { 'import-x': importX },
  settings: importSettings,
  rules: {
    'import-x/no-restricted-paths': ['error', { basePath: root, zones: layerZones }],
  },
};

// The stage direction holds for the compiler's code; a stage's tests may drive the whole
// compiler (compile(), the ELF reader) to check what the stage makes.
const stageDirection = {
  files: ['src/toolchain/**'],
  ignores: ['src/**/*.test.ts'],
  plugins: { 'import-x': importX },
  settings: importSettings,
  rules: {
    'import-x/no-restricted-paths': ['error', { basePath: root, zones: [...layerZones, ...STAGES.map(stageZone)] }],
  },
};

// The page starts the worker by URL (`new Worker(new URL(…, import.meta.url))`),
// which is not an import: only the connection may do so, and only for the
// worker's entry file.
const urlToCode = "NewExpression[callee.name='URL']";
const uiUrls = {
  files: ['src/ui/**'],
  rules: {
    'no-restricted-syntax': ['error', {
      selector: urlToCode,
      message: 'Only src/ui/connection/machine-client.ts and editor-client.ts create a URL to code (a worker entry); the UI talks to the workers through them.',
    }],
  },
};
const workerClient = {
  files: ['src/ui/connection/machine-client.ts'],
  rules: {
    'no-restricted-syntax': ['error', {
      selector: `${urlToCode}:not([arguments.0.value='../../worker/machine-worker.ts'])`,
      message: "The UI may start only the worker's entry, src/worker/machine-worker.ts.",
    }],
  },
};
// The editor's checker is a worker of its own (a compile never stalls the machine).
const editorWorkerClient = {
  files: ['src/ui/connection/editor-client.ts'],
  rules: {
    'no-restricted-syntax': ['error', {
      selector: `${urlToCode}:not([arguments.0.value='../../worker/editor-worker.ts'])`,
      message: "The editor client may start only the editor worker's entry, src/worker/editor-worker.ts.",
    }],
  },
};

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
  layering,
  stageDirection,
  uiUrls,
  workerClient,
  editorWorkerClient,
);
