// Module parameters (kernel/params.c, Linux 6.1): the standard param_set_*/
// param_get_* for each type and their param_ops_* tables in guest RAM;
// insmod's `name=value` arguments handed to each parameter's ops->set (a
// refused value fails the load with Linux's "`abc' invalid for parameter"
// line); and the files /sys/module/NAME/parameters/P, whose reads call
// ops->get into a page and whose writes call ops->set.

import type { CallArgs, KernelContext, ServiceModule } from '../api.ts';
import type { FileProvider, InterruptSignal } from '../../fs/provider.ts';
import { FsError } from '../../fs/errno.ts';
import { matchParams, type ModuleParam, type ParamArg } from '../../module/params.ts';
import { userCall } from './file-ops.ts';
import { KPARAM, KPARAM_OPS } from './layouts.ts';
import { kstrtobool, kstrtoRange } from './kstrtox.ts';
import { printkText } from './printk.ts';
import { slabAlloc, slabFree } from './slab.ts';

const EINVAL = 22, ENOSPC = 28, ENOMEM = 12, EPERM = 1, ENOENT = 2;
const PAGE_SIZE = 4096;
const KERNEL_PARAM_OPS_FL_NOARG = 1;
const KERNEL_PARAM_FL_UNSAFE = 1;
const MAX_CHARP = 1024;

interface IntType { bits: number; signed: boolean; format: (v: bigint) => string }
const INT_TYPES: Record<string, IntType> = {
  byte: { bits: 8, signed: false, format: String }, short: { bits: 16, signed: true, format: String },
  ushort: { bits: 16, signed: false, format: String }, int: { bits: 32, signed: true, format: String },
  uint: { bits: 32, signed: false, format: String }, long: { bits: 32, signed: true, format: String },
  ulong: { bits: 32, signed: false, format: String }, ullong: { bits: 64, signed: false, format: String },
};

function loadInt(k: KernelContext, p: number, t: IntType): bigint {
  const raw = t.bits === 64 ? k.ram.u64(p) : BigInt(t.bits === 32 ? k.ram.u32(p) : t.bits === 16 ? k.ram.u16(p) : k.ram.u8(p));
  return t.signed ? BigInt.asIntN(t.bits, raw) : raw;
}

function storeInt(k: KernelContext, p: number, t: IntType, v: bigint): void {
  if (t.bits === 64) k.ram.setU64(p, v);
  else if (t.bits === 32) k.ram.setU32(p, Number(BigInt.asUintN(32, v)));
  else if (t.bits === 16) k.ram.setU16(p, Number(BigInt.asUintN(16, v)));
  else k.ram.setU8(p, Number(BigInt.asUintN(8, v)));
}

const argOf = (k: KernelContext, kp: number) => k.ram.u32(kp + KPARAM.arg);

/** Writes text and a NUL into the page param_get_* was given; returns its length. */
function emit(k: KernelContext, buf: number, text: string): number {
  const t = text.slice(0, PAGE_SIZE - 1);
  k.ram.setCString(buf, t);
  return t.length;
}

/** Strings param_set_charp allocated, freed when replaced or by param_free_charp. */
const charpAllocs = (k: KernelContext) => k.state<Set<number>>('param-charp', () => new Set());

function freeCharp(k: KernelContext, p: number): void {
  if (charpAllocs(k).delete(p >>> 0)) slabFree(k, p);
}

function setCharp(k: KernelContext, a: CallArgs): number {
  const kp = a.u32(1);
  const val = k.ram.cString(a.u32(0), MAX_CHARP + 2);
  if (val.length > MAX_CHARP) {
    printkText(k, `${k.ram.cString(k.ram.u32(kp + KPARAM.name), 64)}: string parameter too long\n`, 3);
    return -ENOSPC;
  }
  const slot = argOf(k, kp);
  freeCharp(k, k.ram.u32(slot));
  const copy = slabAlloc(k, val.length + 1, 0);
  if (!copy) return -ENOMEM;
  k.ram.setCString(copy, val);
  charpAllocs(k).add(copy);
  k.ram.setU32(slot, copy);
  return 0;
}

function intServices(): Record<string, (k: KernelContext, a: CallArgs) => number> {
  const out: Record<string, (k: KernelContext, a: CallArgs) => number> = {};
  for (const [name, t] of Object.entries(INT_TYPES)) {
    out[`param_set_${name}`] = (k, a) => {
      const v = kstrtoRange(k.ram.cString(a.u32(0), 64), 0, t.signed, t.bits);
      if (typeof v === 'number') return v;
      storeInt(k, argOf(k, a.u32(1)), t, v);
      return 0;
    };
    out[`param_get_${name}`] = (k, a) => emit(k, a.u32(0), `${t.format(loadInt(k, argOf(k, a.u32(1)), t))}\n`);
  }
  return out;
}

/** struct kernel_param_ops for a standard type, pointing at the services' addresses. */
function opsVariable(type: string, flags = 0, free = '') {
  return {
    size: KPARAM_OPS.size, align: 4,
    init(k: KernelContext, addr: number) {
      k.ram.setU32(addr + KPARAM_OPS.flags, flags);
      k.ram.setU32(addr + KPARAM_OPS.set, k.symbolAddress(`param_set_${type}`));
      k.ram.setU32(addr + KPARAM_OPS.get, k.symbolAddress(`param_get_${type}`));
      k.ram.setU32(addr + KPARAM_OPS.free, free ? k.symbolAddress(free) : 0);
    },
  };
}

export const moduleparamServices: ServiceModule = {
  services: {
    ...intServices(),
    param_set_bool: (k, a) => {
      // A bare `name` (no value) means "set": Linux passes NULL and takes it as "1".
      const v = kstrtobool(a.u32(0) ? k.ram.cString(a.u32(0), 8) : '1');
      if (typeof v === 'number') return v;
      k.ram.setU8(argOf(k, a.u32(1)), v ? 1 : 0);
      return 0;
    },
    param_get_bool: (k, a) => emit(k, a.u32(0), k.ram.u8(argOf(k, a.u32(1))) ? 'Y\n' : 'N\n'),
    param_set_charp: (k, a) => setCharp(k, a),
    param_get_charp: (k, a) => {
      const s = k.ram.u32(argOf(k, a.u32(1)));
      return emit(k, a.u32(0), `${s ? k.ram.cString(s, PAGE_SIZE) : '(null)'}\n`);
    },
    param_free_charp: (k, a) => freeCharp(k, k.ram.u32(a.u32(0))),
  },
  variables: {
    ...Object.fromEntries(Object.keys(INT_TYPES).map((t) => [`param_ops_${t}`, opsVariable(t)])),
    param_ops_bool: opsVariable('bool', KERNEL_PARAM_OPS_FL_NOARG),
    param_ops_charp: opsVariable('charp', 0, 'param_free_charp'),
    // The kernel's own (built-in) parameters: none, so the section is empty.
    __start___param: { size: 0 },
    __stop___param: { size: 0 },
  },
};

// --- For the module loader: insmod's arguments and /sys/module/NAME/parameters ---

const paramName = (k: KernelContext, p: ModuleParam) => p.name || k.ram.cString(k.ram.u32(p.addr + KPARAM.name), 64);

/** Calls ops->set(val, kp) with val copied into kernel memory (NULL for a bare name); returns its
 * result, or -EFAULT if it crashed (the engine has logged the Oops). From a file write, the call runs
 * for the writing process (Ctrl-C reaches it). */
async function callSet(k: KernelContext, p: ModuleParam, value: string | undefined, signal?: InterruptSignal): Promise<number> {
  const set = k.ram.u32(p.ops + KPARAM_OPS.set);
  if (!set) return -EPERM;
  if (p.flags & KERNEL_PARAM_FL_UNSAFE) printkText(k, `Setting dangerous option ${paramName(k, p)} - tainting kernel\n`, 5);
  const call = (val: number) => userCall(k, signal, set, val, p.addr);
  if (value === undefined) return call(0);
  const buf = slabAlloc(k, value.length + 1, 0);
  if (!buf) return -ENOMEM;
  k.ram.setCString(buf, value);
  try {
    return await call(buf);
  } finally {
    slabFree(k, buf);
  }
}

/** insmod's `name=value` arguments, each through its parameter's ops->set, in order, as
 * parse_args does. The first refusal stops the load: its errno is returned (0: all set). */
export async function applyModuleParams(k: KernelContext, module: { name: string; params: ModuleParam[] }, args: ParamArg[]): Promise<number> {
  const log: string[] = [];
  const matched = matchParams(module.name, module.params, args, log);
  for (const line of log) printkText(k, `${line}\n`, 4);
  for (const { param, value } of matched) {
    const noArg = (k.ram.u32(param.ops + KPARAM_OPS.flags) & KERNEL_PARAM_OPS_FL_NOARG) !== 0;
    const err = value === undefined && !noArg ? -EINVAL : await callSet(k, param, value);
    if (err === 0) continue;
    const what = err === -ENOENT ? `Unknown parameter \`${param.name}'` : err === -ENOSPC
      ? `\`${value ?? ''}' too large for parameter \`${param.name}'` : `\`${value ?? ''}' invalid for parameter \`${param.name}'`;
    printkText(k, `${module.name}: ${what}\n`, 3);
    return err;
  }
  return 0;
}

const paramsDir = (name: string) => `/sys/module/${name}/parameters`;

/** A sysfs parameter file: read → ops->get into a page, write → ops->set with the text written. */
function paramProvider(k: KernelContext, p: ModuleParam): FileProvider {
  let page: Uint8Array = new Uint8Array(0);
  const provider: FileProvider = {
    size: PAGE_SIZE,
    async read(offset, count, signal) {
      if (offset === 0) {
        const get = k.ram.u32(p.ops + KPARAM_OPS.get);
        if (!get) return -EPERM;
        const buf = slabAlloc(k, PAGE_SIZE, 0x100);
        if (!buf) return -ENOMEM;
        try {
          const n = await userCall(k, signal, get, buf, p.addr);
          if (n < 0) return n;
          page = k.ram.bytes(buf, Math.min(n, PAGE_SIZE));
        } finally {
          slabFree(k, buf);
        }
      }
      return page.subarray(offset, offset + count);
    },
  };
  if (p.perm & 0o222) {
    provider.write = async (data, _offset, signal) => {
      const err = await callSet(k, p, String.fromCharCode(...data.subarray(0, PAGE_SIZE - 1)), signal);
      return err < 0 ? err : data.length;
    };
  }
  return provider;
}

/** Creates /sys/module/NAME/parameters/P for each parameter with permission bits, as Linux does. */
export function createParamFiles(k: KernelContext, module: { name: string; params: ModuleParam[] }): void {
  const visible = module.params.filter((p) => p.perm !== 0);
  if (!visible.length) return;
  k.vfs.mkdirp(paramsDir(module.name));
  for (const p of visible) k.vfs.addProviderFile(`${paramsDir(module.name)}/${p.name}`, paramProvider(k, p), p.perm & 0o777);
}

/** Removes the module's parameter files (at rmmod, or a failed insmod). */
export function removeParamFiles(k: KernelContext, name: string): void {
  try { k.vfs.removeTree(paramsDir(name)); } catch (e) { if (!(e instanceof FsError)) throw e; }
}

/** At unload: each parameter's ops->free (param_free_charp releases its string), as module_destroy_params. */
export async function destroyModuleParams(k: KernelContext, module: { params: ModuleParam[] }): Promise<void> {
  for (const p of module.params) {
    const free = k.ram.u32(p.ops + KPARAM_OPS.free);
    if (free) await k.callGuest(free, p.arg);
  }
}
