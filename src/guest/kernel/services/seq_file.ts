// seq_file (fs/seq_file.c, Linux 6.1): a file read record by record through
// a driver's seq_operations (start/show/next/stop, each a guest call), with
// the page buffer in guest RAM that doubles when a record does not fit, and
// single_open for the one-record case (DEFINE_SHOW_ATTRIBUTE), whose
// start/next/stop are the kernel's own and run here without a guest call.

import type { CallArgs, KernelContext, ServiceModule } from '../api.ts';
import { FILE, SEQ_FILE, SEQ_OPS } from './layouts.ts';
import { formatKernel, readFormat } from './printk.ts';
import { copyWithFaults } from './uaccess.ts';
import { slabAlloc, slabFree } from './slab.ts';
import { vaListArgs } from './vsprintf.ts';

const ENOMEM = 12, EINVAL = 22, EFAULT = 14, EAGAIN = 11;
const PAGE_SIZE = 4096;
const SEQ_START_TOKEN = 1;
const isErr = (p: number) => (p >>> 0) >= 0xffff_f001;

const F = SEQ_FILE;
const get = (k: KernelContext, m: number, off: number) => k.ram.u32(m + off);
const set = (k: KernelContext, m: number, off: number, v: number) => k.ram.setU32(m + off, v);
const get64 = (k: KernelContext, m: number, off: number) => Number(BigInt.asIntN(64, k.ram.u64(m + off)));
const set64 = (k: KernelContext, m: number, off: number, v: number) => k.ram.setU64(m + off, BigInt(v));

/** Operation tables single_open made: their show function (start/next/stop are ours). */
const singles = (k: KernelContext) => k.state<Map<number, number>>('seq-single', () => new Map());

interface SeqIter {
  start(): Promise<number>;
  next(v: number): Promise<number>;
  show(v: number): Promise<number>;
  stop(v: number): Promise<void>;
}

/** The record iterator of seq_file `m`: the driver's seq_operations, or single_open's. */
function iterator(k: KernelContext, m: number): SeqIter {
  const op = get(k, m, F.op);
  const pos = m + F.index;
  const show = singles(k).get(op);
  if (show !== undefined) {
    return {
      start: async () => (get64(k, m, F.index) ? 0 : SEQ_START_TOKEN),
      next: async () => { set64(k, m, F.index, get64(k, m, F.index) + 1); return 0; },
      show: (v) => k.callGuest(show, m, v),
      stop: async () => {},
    };
  }
  return {
    start: async () => (await k.callGuest(k.ram.u32(op + SEQ_OPS.start), m, pos)) >>> 0,
    next: async (v) => (await k.callGuest(k.ram.u32(op + SEQ_OPS.next), m, v, pos)) >>> 0,
    show: (v) => k.callGuest(k.ram.u32(op + SEQ_OPS.show), m, v),
    stop: async (v) => { await k.callGuest(k.ram.u32(op + SEQ_OPS.stop), m, v); },
  };
}

const overflowed = (k: KernelContext, m: number) => get(k, m, F.count) === get(k, m, F.size_);

/** A fresh buffer of `size` bytes for m (the old one freed). */
function newBuffer(k: KernelContext, m: number, size: number): boolean {
  slabFree(k, get(k, m, F.buf));
  const buf = slabAlloc(k, size, 0);
  set(k, m, F.buf, buf);
  set(k, m, F.size_, buf ? size : 0);
  set(k, m, F.count, 0);
  return buf !== 0;
}

/** Replays records up to byte `offset` (a seek, or a read not where the last one ended). */
async function traverse(k: KernelContext, m: number, offset: number): Promise<number> {
  set64(k, m, F.index, 0);
  set(k, m, F.count, 0);
  set(k, m, F.from, 0);
  if (!offset) return 0;
  if (!get(k, m, F.buf) && !newBuffer(k, m, PAGE_SIZE)) return -ENOMEM;
  const it = iterator(k, m);
  let pos = 0, err = 0;
  let p = await it.start();
  while (p) {
    if (isErr(p)) { err = p | 0; break; }
    err = await it.show(p);
    if (err < 0) break;
    if (err) { err = 0; set(k, m, F.count, 0); }
    if (overflowed(k, m)) {
      await it.stop(p);
      return newBuffer(k, m, get(k, m, F.size_) * 2) ? -EAGAIN : -ENOMEM;
    }
    p = await it.next(p);
    const count = get(k, m, F.count);
    if (pos + count > offset) { set(k, m, F.from, offset - pos); set(k, m, F.count, count - (offset - pos)); break; }
    pos += count;
    set(k, m, F.count, 0);
    if (pos === offset) break;
  }
  await it.stop(p);
  return err;
}

async function traverseFully(k: KernelContext, m: number, offset: number): Promise<number> {
  let err;
  while ((err = await traverse(k, m, offset)) === -EAGAIN);
  return err;
}

/** Copies up to `size` buffered bytes to the user; returns how many went. */
function copyOut(k: KernelContext, m: number, to: number, size: number): number {
  const n = Math.min(get(k, m, F.count), size);
  const left = copyWithFaults(k, to, get(k, m, F.buf) + get(k, m, F.from), n);
  set(k, m, F.count, get(k, m, F.count) - (n - left));
  set(k, m, F.from, get(k, m, F.from) + (n - left));
  return n - left;
}

/** Finds the first non-empty record, growing the buffer until it fits: the record, or 0 / -errno. */
async function firstRecord(k: KernelContext, m: number, it: SeqIter): Promise<{ p: number; err: number }> {
  let p = await it.start();
  for (;;) {
    if (!p || isErr(p)) return { p, err: p | 0 };
    const err = await it.show(p);
    if (err < 0) return { p, err };
    if (err) set(k, m, F.count, 0);
    if (!get(k, m, F.count)) { p = await it.next(p); continue; }
    if (!overflowed(k, m)) return { p, err: 0 };
    await it.stop(p);
    if (!newBuffer(k, m, get(k, m, F.size_) * 2)) return { p: 0, err: -ENOMEM };
    p = await it.start();
  }
}

/** More records while they fit the buffer and the reader wants more. */
async function fill(k: KernelContext, m: number, it: SeqIter, first: number, want: number): Promise<number> {
  let p = first;
  for (;;) {
    const offs = get(k, m, F.count), before = get64(k, m, F.index);
    p = await it.next(p);
    if (get64(k, m, F.index) === before) set64(k, m, F.index, before + 1);
    if (!p || isErr(p) || get(k, m, F.count) >= want) return p;
    const err = await it.show(p);
    if (err > 0) set(k, m, F.count, offs);
    else if (err || overflowed(k, m)) { set(k, m, F.count, offs); return p; }
  }
}

async function seqRead(k: KernelContext, file: number, to: number, size: number, ppos: number): Promise<number> {
  const m = k.ram.u32(file + FILE.private_data);
  if (!size) return 0;
  const pos = ppos ? get64(k, ppos, 0) : get64(k, m, F.read_pos);
  if (pos === 0) { set64(k, m, F.index, 0); set(k, m, F.count, 0); }
  if (pos !== get64(k, m, F.read_pos)) {
    const err = await traverseFully(k, m, pos);
    if (err) { set64(k, m, F.read_pos, 0); set64(k, m, F.index, 0); set(k, m, F.count, 0); return err; }
    set64(k, m, F.read_pos, pos);
  }
  if (!get(k, m, F.buf) && !newBuffer(k, m, PAGE_SIZE)) return -ENOMEM;
  let copied = 0, err = 0;
  if (get(k, m, F.count)) copied = copyOut(k, m, to, size);
  if (!get(k, m, F.count)) {
    set(k, m, F.from, 0);
    const it = iterator(k, m);
    const first = await firstRecord(k, m, it);
    if (first.err || !first.p || isErr(first.p)) {
      err = first.err;
      await it.stop(first.p);
      set(k, m, F.count, 0);
    } else {
      const last = await fill(k, m, it, first.p, size - copied);
      await it.stop(last);
      copied += copyOut(k, m, to + copied, size - copied);
    }
  }
  if (!copied) return get(k, m, F.count) ? -EFAULT : err;
  if (ppos) set64(k, ppos, 0, pos + copied);
  set64(k, m, F.read_pos, get64(k, m, F.read_pos) + copied);
  return copied;
}

function seqOpen(k: KernelContext, file: number, op: number): number {
  const m = slabAlloc(k, F.size, 0x100);
  if (!m) return -ENOMEM;
  k.ram.setU32(file + FILE.private_data, m);
  set(k, m, F.op, op);
  set(k, m, F.file, file);
  k.ram.setU64(file + FILE.f_version, 0n);
  k.ram.setU32(file + FILE.f_mode, k.ram.u32(file + FILE.f_mode) & ~0x10); // no pwrite
  return 0;
}

function seqRelease(k: KernelContext, file: number): number {
  const m = k.ram.u32(file + FILE.private_data);
  if (!m) return 0;
  slabFree(k, get(k, m, F.buf));
  slabFree(k, m);
  return 0;
}

function singleOpen(k: KernelContext, file: number, show: number, data: number): number {
  const op = slabAlloc(k, 16, 0x100);
  if (!op) return -ENOMEM;
  k.ram.setU32(op + SEQ_OPS.show, show);
  singles(k).set(op, show);
  const r = seqOpen(k, file, op);
  if (r) { singles(k).delete(op); slabFree(k, op); return r; }
  set(k, k.ram.u32(file + FILE.private_data), F.private, data);
  return 0;
}

async function seqLseek(k: KernelContext, file: number, offset: bigint, whence: number): Promise<bigint> {
  const m = k.ram.u32(file + FILE.private_data);
  let off = Number(offset);
  if (whence === 1) off += get64(k, file, FILE.f_pos);
  else if (whence !== 0) return BigInt(-EINVAL);
  if (off < 0) return BigInt(-EINVAL);
  if (off !== get64(k, m, F.read_pos)) {
    const err = await traverseFully(k, m, off);
    if (err) { set64(k, file, FILE.f_pos, 0); set64(k, m, F.read_pos, 0); set64(k, m, F.index, 0); set(k, m, F.count, 0); return BigInt(err); }
    set64(k, m, F.read_pos, off);
  }
  set64(k, file, FILE.f_pos, off);
  return BigInt(off);
}

/** Appends bytes to the record being built, or marks the buffer overflowed (the record is redone bigger). */
function seqAppend(k: KernelContext, m: number, text: string, allowExact = false): boolean {
  const count = get(k, m, F.count), size = get(k, m, F.size_);
  if (count + text.length < size || (allowExact && count + text.length <= size)) {
    k.ram.setBytes(get(k, m, F.buf) + count, Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff));
    set(k, m, F.count, count + text.length);
    return true;
  }
  set(k, m, F.count, size);
  return false;
}

function seqPrintf(k: KernelContext, a: CallArgs, vaList: boolean): void {
  const m = a.u32(0);
  const va = vaList ? vaListArgs(k.ram, a.u32(2)) : a.varargs(2);
  seqAppend(k, m, formatKernel(k, readFormat(k, a.u32(1)), va));
}

export const seqFileServices: ServiceModule = {
  services: {
    seq_open: (k, a) => seqOpen(k, a.u32(0), a.u32(1)),
    seq_read: (k, a) => seqRead(k, a.u32(0), a.u32(1), a.u32(2), a.u32(3)),
    seq_lseek: (k, a) => seqLseek(k, a.u32(0), a.i64(1), a.i32(3)),
    seq_release: (k, a) => seqRelease(k, a.u32(1)),
    seq_printf: (k, a) => seqPrintf(k, a, false),
    seq_vprintf: (k, a) => seqPrintf(k, a, true),
    seq_puts: (k, a) => { seqAppend(k, a.u32(0), k.ram.cString(a.u32(1), 1 << 20)); },
    seq_putc: (k, a) => {
      const m = a.u32(0);
      if (get(k, m, F.count) < get(k, m, F.size_)) seqAppend(k, m, String.fromCharCode(a.u32(1) & 0xff), true);
    },
    seq_write: (k, a) => {
      const bytes = k.ram.bytes(a.u32(1), a.u32(2));
      return seqAppend(k, a.u32(0), String.fromCharCode(...bytes)) ? 0 : -1;
    },
    single_open: (k, a) => singleOpen(k, a.u32(0), a.u32(1), a.u32(2)),
    single_open_size: (k, a) => {
      const r = singleOpen(k, a.u32(0), a.u32(1), a.u32(2));
      if (!r) newBuffer(k, k.ram.u32(a.u32(0) + FILE.private_data), a.u32(3));
      return r;
    },
    single_release: (k, a) => {
      const m = k.ram.u32(a.u32(1) + FILE.private_data);
      const op = m ? get(k, m, F.op) : 0;
      const r = seqRelease(k, a.u32(1));
      singles(k).delete(op);
      slabFree(k, op);
      return r;
    },
  },
};
