import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FdtTree, decodeUtf8, utf8, type FdtNode } from './fdt.ts';
import { flattenFdt } from './fdt-flatten.ts';
import { FdtParseError, parseFdt, parseFdtHeader } from './fdt-parse.ts';
import { printDts } from './dts.ts';

const name = fc.stringMatching(/^[a-z][a-z0-9,._+-]{0,12}$/);
const value = fc.oneof(
  fc.uint8Array({ maxLength: 20 }),
  fc.array(fc.stringMatching(/^[ -~]{1,8}$/), { minLength: 1, maxLength: 3 }),
  fc.array(fc.nat(), { maxLength: 5 }),
);

function fill(node: FdtNode, spec: { props: [string, unknown][]; kids: string[] }): void {
  for (const [n, v] of spec.props) {
    if (v instanceof Uint8Array) node.setProp(n, v);
    else if (typeof (v as unknown[])[0] === 'string') node.setStrings(n, ...(v as string[]));
    else node.setCells(n, ...(v as number[]));
  }
  for (const k of spec.kids) if (!node.child(k)) node.addNode(k).setCells('x', 1);
}

describe('FDT builder and parser', () => {
  it('round-trips any tree: flatten, parse, flatten gives the same bytes and DTS', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(name, value), { maxLength: 8 }), fc.array(name, { maxLength: 4 }),
      fc.array(fc.record({ address: fc.nat(), size: fc.integer({ min: 1, max: 0x7fff_ffff }) }), { maxLength: 3 }),
      (props, kids, reservations) => {
        const tree = new FdtTree();
        fill(tree.root, { props, kids });
        tree.reservations.push(...reservations);
        const dtb = flattenFdt(tree);
        const back = parseFdt(dtb);
        expect(flattenFdt(back)).toEqual(dtb);
        expect(printDts(back)).toBe(printDts(tree));
        expect(back.reservations).toEqual(reservations);
      }));
  });

  it('stores each property name once in the strings block', () => {
    const tree = new FdtTree();
    for (const n of ['a@1', 'b@2', 'c@3']) tree.root.addNode(n).setCells('reg', 1).setStrings('compatible', 'x');
    const dtb = flattenFdt(tree);
    const h = parseFdtHeader(dtb);
    const strings = Buffer.from(dtb.subarray(h.offDtStrings, h.offDtStrings + h.sizeDtStrings)).toString('latin1');
    expect(strings).toBe('reg\0compatible\0');
  });

  it('gives phandles 1, 2, … once per node', () => {
    const tree = new FdtTree();
    const a = tree.root.addNode('a');
    const b = tree.root.addNode('b');
    expect([tree.phandle(a), tree.phandle(b), tree.phandle(a)]).toEqual([1, 2, 1]);
    expect(a.cells('phandle')).toEqual([1]);
  });

  it('leaves out a reservation of size 0, which would otherwise end the map', () => {
    const tree = new FdtTree();
    tree.reservations.push({ address: 0, size: 0 }, { address: 0x1000, size: 0x10 });
    expect(parseFdt(flattenFdt(tree)).reservations).toEqual([{ address: 0x1000, size: 0x10 }]);
  });

  it('writes reservations that dtc reads back', () => {
    const tree = new FdtTree();
    tree.reservations.push({ address: 0x8000_0000, size: 0x20_0000 });
    const dir = mkdtempSync(join(tmpdir(), 'fdt-'));
    writeFileSync(join(dir, 'r.dtb'), flattenFdt(tree));
    const dts = execFileSync('dtc', ['-I', 'dtb', '-O', 'dts', join(dir, 'r.dtb')], { encoding: 'utf8' });
    expect(dts).toBe(printDts(tree));
    expect(dts).toContain('/memreserve/\t0x0000000080000000 0x0000000000200000;');
  });

  it('rejects what is not a DTB with a reason', () => {
    expect(() => parseFdt(new Uint8Array(8))).toThrow(FdtParseError);
    expect(() => parseFdt(new Uint8Array(64))).toThrow(/magic/);
    const dtb = flattenFdt(new FdtTree());
    expect(() => parseFdt(dtb.subarray(0, dtb.length - 8))).toThrow(/bytes/);
  });

  it('refuses duplicate sibling names', () => {
    const tree = new FdtTree();
    tree.root.addNode('cpus');
    expect(() => tree.root.addNode('cpus')).toThrow(/already exists/);
  });
});

describe('FDT parser on damaged input', () => {
  it('either parses or throws FdtParseError, never anything else', () => {
    const tree = new FdtTree();
    tree.root.setStrings('compatible', 'x').addNode('a@1').setCells('reg', 1, 2);
    tree.reservations.push({ address: 0x1000, size: 0x10 });
    const good = flattenFdt(tree);
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
      fc.nat(good.length),
      (edits, cut) => {
        const bad = good.slice(0, Math.max(cut, 40));
        for (const [at, v] of edits) if (at < bad.length) bad[at] = v;
        try {
          parseFdt(bad);
        } catch (e) {
          expect(e).toBeInstanceOf(FdtParseError);
        }
      }), { numRuns: 2000 });
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8 and turns malformed bytes into U+FFFD instead of throwing', () => {
    expect(decodeUtf8(utf8('stopwatch µs ✓ 𝄞'))).toBe('stopwatch µs ✓ 𝄞');
    expect(decodeUtf8(Uint8Array.of(0xf7, 0xbf, 0xbf, 0xbf, 0x41))).toBe('\ufffd\ufffd\ufffd\ufffdA');
    expect(decodeUtf8(Uint8Array.of(0xe2, 0x82))).toBe('\ufffd\ufffd');
  });
});

describe('FDT parser limits', () => {
  it('refuses absurd nesting and duplicate node names with FdtParseError', () => {
    const deep = new FdtTree();
    let n = deep.root;
    for (let i = 0; i < 100; i++) n = n.addNode('n');
    expect(() => parseFdt(flattenFdt(deep))).toThrow(/nested deeper/);
    const dup = new FdtTree();
    dup.root.addNode('a');
    dup.root.children.push(dup.root.children[0]);
    expect(() => parseFdt(flattenFdt(dup))).toThrow(FdtParseError);
  });
});
