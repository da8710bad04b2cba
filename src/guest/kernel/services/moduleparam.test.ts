// Module parameters: the standard param_set_/param_get_ handlers, insmod's
// name=value through each ops->set (a refusal fails the load with Linux's
// message), and /sys/module/NAME/parameters files calling get and set.
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeKernelContext } from '../fake-context.ts';
import { parseModuleArgs, type ModuleParam } from '../../module/params.ts';
import { KPARAM, KPARAM_OPS } from './layouts.ts';
import { applyModuleParams, createParamFiles, removeParamFiles } from './moduleparam.ts';
import { callInt, cstr, serviceAddress, wordTable } from './testing.ts';

let k: FakeKernelContext;
beforeEach(() => { k = new FakeKernelContext(); });

/** A struct kernel_param in RAM for a variable of `size` bytes, and the loader's view of it. */
function param(name: string, ops: number, perm = 0o644, size = 4): ModuleParam {
  const arg = k.kmalloc(Math.max(size, 4));
  k.ram.fill(arg, 0, Math.max(size, 4));
  const addr = wordTable(k, KPARAM.size, { [KPARAM.name]: cstr(k, name), [KPARAM.ops]: ops, [KPARAM.arg]: arg });
  k.ram.setU16(addr + KPARAM.perm, perm);
  return { name, addr, ops, arg, perm, level: 0, flags: 0 };
}

const standardOps = (type: string, flags = 0) => wordTable(k, KPARAM_OPS.size, {
  [KPARAM_OPS.flags]: flags, [KPARAM_OPS.set]: serviceAddress(k, `param_set_${type}`), [KPARAM_OPS.get]: serviceAddress(k, `param_get_${type}`),
});

describe('the standard parameter types', () => {
  it('param_set_int/param_get_int parse as kstrtoint and print "%d\\n"', async () => {
    const p = param('n', 0);
    const page = k.kmalloc(4096);
    expect(await callInt(k, 'param_set_int', cstr(k, '-42\n'), p.addr)).toBe(0);
    expect(await callInt(k, 'param_get_int', page, p.addr)).toBe(4);
    expect(k.ram.cString(page)).toBe('-42\n');
    expect(await callInt(k, 'param_set_int', cstr(k, 'abc'), p.addr)).toBe(-22);
    expect(await callInt(k, 'param_set_ushort', cstr(k, '70000'), p.addr)).toBe(-34);
    expect(await callInt(k, 'param_set_byte', cstr(k, '0x7f'), p.addr)).toBe(0);
    expect(await callInt(k, 'param_get_byte', page, p.addr)).toBe(4);
    expect(k.ram.cString(page)).toBe('127\n');
  });

  it('bool takes a bare name as "set" and prints Y/N; charp keeps its own copy', async () => {
    const b = param('b', 0, 0o644, 1), c = param('c', 0);
    const page = k.kmalloc(4096);
    expect(await callInt(k, 'param_set_bool', 0, b.addr)).toBe(0);
    await callInt(k, 'param_get_bool', page, b.addr);
    expect(k.ram.cString(page)).toBe('Y\n');
    const src = cstr(k, 'hello');
    expect(await callInt(k, 'param_set_charp', src, c.addr)).toBe(0);
    const first = k.ram.u32(c.arg);
    expect(first).not.toBe(src);
    await callInt(k, 'param_set_charp', cstr(k, 'world'), c.addr);
    await callInt(k, 'param_get_charp', page, c.addr);
    expect(k.ram.cString(page)).toBe('world\n');
    await callInt(k, 'param_free_charp', c.arg);
    expect(k.log).toEqual([]);
  });
});

describe('insmod parameters', () => {
  it('sets each value through ops->set and fails the load on the first refusal, as Linux says it', async () => {
    const seen: string[] = [];
    const set = k.defineGuestFunction('stopwatch_status_set', (kk, val) => {
      const v = kk.ram.cString(val);
      seen.push(v);
      return /^[0-5]$/.test(v) ? 0 : -22;
    });
    const ops = wordTable(k, KPARAM_OPS.size, { [KPARAM_OPS.set]: set });
    const mod = { name: 'stopwatch', params: [param('stopwatch_status', ops)] };
    expect(await applyModuleParams(k, mod, parseModuleArgs('stopwatch-status=1 colour=red'))).toBe(0);
    expect(await applyModuleParams(k, mod, parseModuleArgs('stopwatch_status=abc stopwatch_status=2'))).toBe(-22);
    expect(await applyModuleParams(k, mod, parseModuleArgs('stopwatch_status'))).toBe(-22);
    expect(seen).toEqual(['1', 'abc']);
    expect(k.log.map((l) => `${l.level} ${l.text}`)).toEqual([
      "4 stopwatch: unknown parameter 'colour' ignored",
      "3 stopwatch: `abc' invalid for parameter `stopwatch_status'",
      "3 stopwatch: `' invalid for parameter `stopwatch_status'",
    ]);
  });

  it('hands a bare name to a bool parameter as NULL', async () => {
    const p = param('verbose', standardOps('bool', 1), 0o444, 1);
    expect(await applyModuleParams(k, { name: 'm', params: [p] }, parseModuleArgs('verbose'))).toBe(0);
    expect(k.ram.u8(p.arg)).toBe(1);
  });
});

describe('/sys/module/NAME/parameters', () => {
  it('reads through ops->get, writes through ops->set, and only for parameters with permission bits', async () => {
    const get = k.defineGuestFunction('get', (kk, buf) => callInt(kk, 'scnprintf', buf, 4096, cstr(kk, '%u\n'), 1));
    const set = k.defineGuestFunction('set', (kk, val) => (kk.ram.cString(val) === '3\n' ? 0 : -22));
    const ops = wordTable(k, KPARAM_OPS.size, { [KPARAM_OPS.get]: get, [KPARAM_OPS.set]: set });
    createParamFiles(k, { name: 'stopwatch', params: [param('stopwatch_status', ops), param('hidden', ops, 0)] });
    expect(k.vfs.readdir('/sys/module/stopwatch/parameters')).toEqual(['stopwatch_status']);
    expect(k.vfs.stat('/sys/module/stopwatch/parameters/stopwatch_status')).toMatchObject({ mode: 0o644, size: 4096 });
    const path = '/sys/module/stopwatch/parameters/stopwatch_status';
    const r = await k.vfs.open(path, { read: true });
    expect(String.fromCharCode(...await r.read(100))).toBe('1\n');
    const w = await k.vfs.open(path, { write: true });
    expect(await w.write(Uint8Array.from('3\n', (c) => c.charCodeAt(0)))).toBe(2);
    await expect(w.write(Uint8Array.from('9\n', (c) => c.charCodeAt(0)))).rejects.toMatchObject({ errno: 22 });
    removeParamFiles(k, 'stopwatch');
    expect(k.vfs.exists('/sys/module/stopwatch/parameters')).toBe(false);
  });

  it('a read-only parameter refuses to open for writing', async () => {
    createParamFiles(k, { name: 'm', params: [param('ro', standardOps('int'), 0o444)] });
    await expect(k.vfs.open('/sys/module/m/parameters/ro', { write: true })).rejects.toMatchObject({ errno: 13 });
  });
});
