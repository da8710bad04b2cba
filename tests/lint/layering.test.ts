// The layering of src/ is enforced by ESLint (eslint.config.js): this test
// lints small sources, as if they sat in each layer, and checks that every
// forbidden edge is refused and the allowed ones pass. The sources exist only
// here, as strings, so neither tsc nor `npm run lint` sees them as code.
import path from 'node:path';
import { ESLint } from 'eslint';
import { createNodeResolver } from 'eslint-plugin-import-x';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const LAYERING = 'import-x/no-restricted-paths';

// Resolves as the real config does, and also a folder of src/ that does not
// exist yet (src/newthing), to show how a new folder is treated.
const nodeResolver = createNodeResolver({ extensions: ['.ts', '.tsx', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } });
const withNewFolder = {
  interfaceVersion: 3 as const,
  name: 'new-folder-probe',
  resolve(modulePath: string, sourceFile: string) {
    if (modulePath.includes('newthing/')) return { found: true, path: path.resolve(path.dirname(sourceFile), modulePath) };
    return nodeResolver.resolve(modulePath, sourceFile);
  },
};

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfig: { settings: { 'import-x/resolver-next': [withNewFolder] } } });
});

/** The rules that `code` breaks when it is the file `file` (relative to the repository). */
async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const forbidden: [string, string, string][] = [
  ['ui → worker', 'src/ui/probe.ts', "export { MachineHost } from '../worker/machine-host.ts';"],
  ['ui → worker, type only', 'src/ui/probe.ts', "export type { MachineHost } from '../worker/machine-host.ts';"],
  ['ui → machine', 'src/ui/probe.ts', "import { VirtBoard } from '../machine/board.ts';\nexport const b = new VirtBoard();"],
  ['ui → session, dynamic import()', 'src/ui/probe.ts', "export const load = () => import('../session/session.ts');"],
  ['ui → machine, without the extension', 'src/ui/probe.ts', "export * from '../machine/board';"],
  ['ui → machine, .js for .ts', 'src/ui/probe.ts', "export * from '../machine/board.js';"],
  ['toolchain → machine', 'src/toolchain/probe.ts', "export { VirtBoard } from '../machine/board.ts';"],
  ['toolchain → machine disassembler', 'src/toolchain/probe.ts', "export * from '../machine/cpu/disasm.ts';"],
  ['cli → worker', 'src/cli/probe.ts', "export { MachineHost } from '../worker/machine-host.ts';"],
  ['worker → cli', 'src/worker/probe.ts', "export const load = () => import('../cli/main.ts');"],
  ['machine → session', 'src/machine/probe.ts', "export { Session } from '../session/session.ts';"],
  ['machine → toolchain', 'src/machine/probe.ts', "export { compile } from '../toolchain/compile.ts';"],
  ['protocol → machine', 'src/protocol/probe.ts', "import type { VirtBoard } from '../machine/board.ts';\nexport type B = VirtBoard;"],
  ['guest → session', 'src/guest/probe.ts', "export { Session } from '../session/session.ts';"],
  ['machine → guest', 'src/machine/probe.ts', "export * from '../guest/fs/stopwatch-scripts.test.ts';"],
  ['session → worker', 'src/session/probe.ts', "export * from '../worker/machine-host.ts';"],
  ['session → a folder not in the allowlist', 'src/session/probe.ts', "export * from '../newthing/thing.ts';"],
  ['a folder not in the allowlist → protocol', 'src/newthing/probe.ts', "export * from '../protocol/messages.ts';"],
  ['a file at the root of src/ → protocol', 'src/probe.ts', "export * from './protocol/messages.ts';"],
  ['toolchain stage parse → a later stage, codegen', 'src/toolchain/parse/probe.ts', "export { codegen } from '../codegen/codegen.ts';"],
  ['toolchain stage asm → a later stage, obj', 'src/toolchain/asm/probe.ts', "export type { ElfFile } from '../obj/elf.ts';"],
  ['toolchain stage preprocess → parse, dynamic import()', 'src/toolchain/preprocess/probe.ts', "export const load = () => import('../parse/parse.ts');"],
  ['toolchain stage codegen → the driver', 'src/toolchain/codegen/probe.ts', "export { compile } from '../compile.ts';"],
  ['toolchain stage obj → machine', 'src/toolchain/obj/probe.ts', "export * from '../../machine/board.ts';"],
];

const allowed: [string, string, string][] = [
  ['ui → protocol', 'src/ui/probe.ts', "export { hex32 } from '../protocol/registers.ts';"],
  ['ui → ui', 'src/ui/probe.ts', "export * from './store/store.ts';"],
  ['machine → protocol', 'src/machine/probe.ts', "export type { TraceEvent } from '../protocol/trace-events.ts';"],
  ['toolchain → protocol', 'src/toolchain/probe.ts', "export type { BuildDiagnostic } from '../protocol/build.ts';"],
  ['session → machine, toolchain', 'src/session/probe.ts', "export * from '../machine/board.ts';\nexport * from '../toolchain/compile.ts';"],
  ['guest → machine, toolchain', 'src/guest/probe.ts', "export * from '../machine/board.ts';\nexport * from '../toolchain/compile.ts';"],
  ['worker → session', 'src/worker/probe.ts', "export { Session } from '../session/session.ts';"],
  ['cli → session, machine, dynamic', 'src/cli/probe.ts', "export const load = () => [import('../session/session.ts'), import('../machine/board.ts')];"],
  ['toolchain stage obj → earlier stages and the shared diagnostics', 'src/toolchain/obj/probe.ts', "export * from '../asm/object.ts';\nexport type { Diagnostic } from '../diagnostics.ts';\nexport type { Token } from '../preprocess/token.ts';"],
  ['toolchain driver → every stage', 'src/toolchain/probe.ts', "export { codegen } from './codegen/codegen.ts';\nexport { link } from './obj/link.ts';"],
  ["a toolchain stage's test → the driver", 'src/toolchain/parse/probe.test.ts', "export { compile } from '../compile.ts';"],
  ['a package', 'src/machine/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
];

describe('the layering of src/', () => {
  it.each(forbidden)('refuses %s', async (_edge, file, code) => {
    expect(await rulesBroken(file, code)).toContain(LAYERING);
  });

  it.each(allowed)('allows %s', async (_edge, file, code) => {
    expect(await rulesBroken(file, code)).toEqual([]);
  });
});

describe('how the page starts the worker', () => {
  const start = (url: string) => `export const w = new Worker(new URL('${url}', import.meta.url), { type: 'module' });`;

  it("lets the connection start the worker's entry, and nothing else", async () => {
    expect(await rulesBroken('src/ui/connection/machine-client.ts', start('../../worker/machine-worker.ts'))).toEqual([]);
    expect(await rulesBroken('src/ui/connection/machine-client.ts', start('../../cli/main.ts'))).toEqual(['no-restricted-syntax']);
  });

  it("lets the editor client start the editor worker's entry, and nothing else", async () => {
    expect(await rulesBroken('src/ui/connection/editor-client.ts', start('../../worker/editor-worker.ts'))).toEqual([]);
    expect(await rulesBroken('src/ui/connection/editor-client.ts', start('../../worker/machine-worker.ts'))).toEqual(['no-restricted-syntax']);
  });

  it('refuses a URL to code anywhere else in the UI', async () => {
    expect(await rulesBroken('src/ui/controls/probe.ts', start('../../worker/machine-worker.ts'))).toEqual(['no-restricted-syntax']);
  });
});
