// seq_file as drivers use it: DEFINE_SHOW_ATTRIBUTE (single_open + seq_read),
// records through seq_operations read in small pieces, a record too big for
// the first page, and seq_lseek.
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeKernelContext } from '../fake-context.ts';
import { driverFileProvider, openDriverFile, S_IFREG } from './file-ops.ts';
import { FOPS, INODE, SEQ_OPS } from './layouts.ts';
import { callInt, cstr, serviceAddress, wordTable } from './testing.ts';

let k: FakeKernelContext;
beforeEach(() => { k = new FakeKernelContext(); });

const text = (b: Uint8Array | number) => (typeof b === 'number' ? `errno ${b}` : String.fromCharCode(...b));

/** fops as DEFINE_SHOW_ATTRIBUTE makes them, around a show function. */
function showFops(show: number): number {
  const open = k.defineGuestFunction('x_open', (kk, inode, file) => callInt(kk, 'single_open', file, show, kk.ram.u32(inode + INODE.i_private)));
  return wordTable(k, FOPS.size, {
    [FOPS.open]: open, [FOPS.read]: serviceAddress(k, 'seq_read'),
    [FOPS.llseek]: serviceAddress(k, 'seq_lseek'), [FOPS.release]: serviceAddress(k, 'single_release'),
  });
}

async function readInPieces(path: string, piece: number): Promise<string> {
  const f = await k.vfs.open(path, { read: true });
  let out = '';
  for (;;) {
    const b = await f.read(piece);
    if (!b.length) break;
    out += text(b);
  }
  await f.close();
  return out;
}

describe('single_open', () => {
  it('runs show once per read from the start, with m->private = the data, and serves it in pieces', async () => {
    let shows = 0;
    const fmt = cstr(k, 'status: %u\ntimeouts: %u\n');
    const show = k.defineGuestFunction('sw_state_show', async (kk, m) => {
      shows++;
      await callInt(kk, 'seq_printf', m, fmt, kk.ram.u32(m + 68), 2);
      await callInt(kk, 'seq_puts', m, cstr(kk, 'end'));
      await callInt(kk, 'seq_putc', m, 10);
      return 0;
    });
    k.vfs.addProviderFile('/sys/kernel/debug/state', driverFileProvider(k, { fops: showFops(show), iPrivate: 1, mode: S_IFREG | 0o444 }));
    expect(await readInPieces('/sys/kernel/debug/state', 5)).toBe('status: 1\ntimeouts: 2\nend\n');
    expect(shows).toBe(1);
    expect(await readInPieces('/sys/kernel/debug/state', 4096)).toBe('status: 1\ntimeouts: 2\nend\n');
    expect(shows).toBe(2);
  });

  it('redoes a record that overflows the page in a buffer twice as big', async () => {
    const line = cstr(k, `${'x'.repeat(99)}\n`);
    const show = k.defineGuestFunction('big_show', async (kk, m) => {
      for (let i = 0; i < 60; i++) await callInt(kk, 'seq_write', m, line, 100);
      return 0;
    });
    k.vfs.addProviderFile('/big', driverFileProvider(k, { fops: showFops(show), mode: S_IFREG | 0o444 }));
    const got = await readInPieces('/big', 1000);
    expect(got.length).toBe(6000);
    expect(got).toBe(`${'x'.repeat(99)}\n`.repeat(60));
  });
});

describe('seq_open with seq_operations', () => {
  function records(n: number) {
    const calls: string[] = [];
    const fmt = cstr(k, 'rec %d\n');
    const start = k.defineGuestFunction('start', (kk, _m, pos) => { const i = kk.ram.u32(pos); calls.push(`start ${i}`); return i < n ? 0x1000 + i : 0; });
    const next = k.defineGuestFunction('next', (kk, _m, v, pos) => { kk.ram.setU32(pos, kk.ram.u32(pos) + 1); return v - 0x1000 + 1 < n ? v + 1 : 0; });
    const stop = k.defineGuestFunction('stop', () => { calls.push('stop'); return 0; });
    const show = k.defineGuestFunction('show', (kk, m, v) => callInt(kk, 'seq_printf', m, fmt, v - 0x1000));
    const ops = wordTable(k, 16, { [SEQ_OPS.start]: start, [SEQ_OPS.next]: next, [SEQ_OPS.stop]: stop, [SEQ_OPS.show]: show });
    const open = k.defineGuestFunction('open', (kk, _inode, file) => callInt(kk, 'seq_open', file, ops));
    const fops = wordTable(k, FOPS.size, {
      [FOPS.open]: open, [FOPS.read]: serviceAddress(k, 'seq_read'),
      [FOPS.llseek]: serviceAddress(k, 'seq_lseek'), [FOPS.release]: serviceAddress(k, 'seq_release'),
    });
    return { fops, calls };
  }

  it('walks the records with start/show/next/stop, whatever the read size', async () => {
    const r = records(3);
    k.vfs.addProviderFile('/recs', driverFileProvider(k, { fops: r.fops, mode: S_IFREG | 0o444 }));
    expect(await readInPieces('/recs', 4)).toBe('rec 0\nrec 1\nrec 2\n');
    expect(r.calls.filter((c) => c === 'stop').length).toBe(r.calls.filter((c) => c.startsWith('start')).length);
  });

  it('seq_lseek replays the records up to the offset', async () => {
    const r = records(3);
    const f = await openDriverFile(k, { fops: r.fops, mode: S_IFREG | 0o444 }, { read: true, write: false });
    if (typeof f === 'number') throw new Error(`open failed: ${f}`);
    expect(await f.llseek(8, 0)).toBe(8);
    expect(text(await f.read(100))).toBe('c 1\nrec 2\n');
    expect(await f.llseek(-1, 0)).toBe(-22);
    await f.release();
  });
});
