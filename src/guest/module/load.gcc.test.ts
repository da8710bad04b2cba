// The module loader against GNU ld as the oracle: every guest driver, built by
// gcc as Kbuild builds a module (compressed or not, with and without
// -mno-relax), is loaded, and the same object is linked by ld with each section
// at the address the loader chose and the kernel's symbols at the same stub
// addresses: every loaded byte must be the one ld wrote.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadModule } from './load.ts';
import { gccModule, kernelFor, ldImage, testGuest, REPO, type Build } from '../../../tests/linux/module-loader.ts';

const DRIVERS = [
  ['stopwatch', 'src/guest/drivers/stopwatch/stopwatch.c'],
  ['stopwatch_misc', 'src/guest/drivers/stopwatch-misc/stopwatch_misc.c'],
  ['misc_copy', 'tests/linux/idioms/misc_copy.c'],
  ['timer_work', 'tests/linux/idioms/timer_work.c'],
  ['list_entries', 'tests/linux/idioms/list_entries.c'],
  ['platform_sysfs', 'tests/linux/idioms/platform_sysfs.c'],
] as const;

const VARIANTS = [
  { tag: '-c', march: 'rv32imac_zicsr', extra: [] as string[] },
  { tag: '-c-norelax', march: 'rv32imac_zicsr', extra: ['-mno-relax'] },
  { tag: '-noc', march: 'rv32ima_zicsr', extra: [] as string[] },
  { tag: '-noc-norelax', march: 'rv32ima_zicsr', extra: ['-mno-relax'] },
];

function loadAndCompare(build: Build, name: string): number {
  const kernel = kernelFor(build.object);
  const guest = testGuest(kernel);
  const r = loadModule({ name, object: build.bytes }, guest);
  if (!r.ok) throw new Error(r.log.join('\n'));
  const ld = ldImage(build.object, r.module, kernel.table);
  let compared = 0;
  for (const s of r.module.sections.filter((x) => x.size > 0)) {
    const want = ld.get(s.name);
    expect(want, `ld placed ${s.name}`).toBeDefined();
    expect(want!.addr).toBe(s.addr);
    expect(Buffer.from(guest.memory.read(s.addr, s.size)).toString('hex'), `${name} ${s.name}`).toBe(Buffer.from(want!.bytes).toString('hex'));
    compared += s.size;
  }
  return compared;
}

describe('loaded modules are byte for byte what GNU ld links at the same addresses', () => {
  for (const [name, file] of DRIVERS) {
    for (const v of VARIANTS) {
      it(`${name} (${v.march}${v.extra.length ? ' -mno-relax' : ''})`, () => {
        const build = gccModule(join(REPO, file), name, v.march, v.extra, v.tag);
        expect(loadAndCompare(build, name)).toBeGreaterThan(0);
      });
    }
  }
});

describe('debug information', () => {
  it('is not loaded, and its relocations are left alone', () => {
    const build = gccModule(join(REPO, DRIVERS[0][1]), 'stopwatch', 'rv32imac_zicsr', ['-g'], '-g');
    expect(loadAndCompare(build, 'stopwatch')).toBeGreaterThan(0);
  });
});
