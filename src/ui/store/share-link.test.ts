// A share link round-trips the project and the board options, and anything
// else in the hash (cut short, edited by hand, from another version, far too
// big) is refused with a message instead of reaching the store.

import { describe, expect, it } from 'vitest';
import { MAX_PROJECT_CHARS } from './project-check.ts';
import { decodeShare, encodeShare, MAX_LINK_CHARS, SHARE_PREFIX, shareUrl, type SharedWork } from './share-link.ts';
import * as lzModule from 'lz-string';

const { compressToEncodedURIComponent } = lzModule;

const work: SharedWork = {
  project: {
    kind: 'driver', example: 'stopwatch', name: 'stopwatch', main: 'stopwatch.c',
    files: { 'stopwatch.c': '#include "stopwatch_hw-sw.h"\nstatic int ticks = 0; /* é, ü: not ASCII */\n', 'stopwatch_hw-sw.h': '#define SW_CMD 0x00\n' },
  },
  board: { speed: 'realtime', jit: false, stopwatchOnError: 'log' },
};

function hashOf(payload: unknown): string {
  return SHARE_PREFIX + compressToEncodedURIComponent(JSON.stringify(payload));
}

describe('share links', () => {
  it('round-trips the project and the board options through characters a URL keeps as they are', () => {
    const encoded = encodeShare(work);
    if (!encoded.ok) throw new Error(encoded.message);
    expect(encoded.hash).toMatch(/^#share=[A-Za-z0-9+\-$]+$/);
    expect(decodeShare(encoded.hash)).toEqual({ kind: 'ok', work });
    expect(shareUrl('https://school.example/lab/playground/?x=1#share=old', encoded.hash))
      .toBe(`https://school.example/lab/playground/?x=1${encoded.hash}`);
  });

  it('an address without a share link is not a broken link', () => {
    expect(decodeShare('')).toEqual({ kind: 'none' });
    expect(decodeShare('#terminal')).toEqual({ kind: 'none' });
  });

  it.each([
    ['cut short', () => { const e = encodeShare(work); return e.ok ? e.hash.slice(0, 40) : ''; }],
    ['characters a link never has', () => `${SHARE_PREFIX}abc<script>`],
    ['empty', () => SHARE_PREFIX],
    ['not JSON', () => SHARE_PREFIX + compressToEncodedURIComponent('{not json')],
    ['another version', () => hashOf({ v: 2, project: work.project, board: work.board })],
    ['a file name with a folder', () => hashOf({ v: 1, project: { ...work.project, files: { '../etc/passwd': 'x' }, main: '../etc/passwd' }, board: work.board })],
    ['a main file that is not there', () => hashOf({ v: 1, project: { ...work.project, main: 'other.c' }, board: work.board })],
    ['file text that is not text', () => hashOf({ v: 1, project: { ...work.project, files: { 'stopwatch.c': 42 } }, board: work.board })],
    ['an unknown speed', () => hashOf({ v: 1, project: work.project, board: { ...work.board, speed: 'warp' } })],
    ['too many files', () => hashOf({ v: 1, project: { ...work.project, files: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}.c`, ''])) }, board: work.board })],
  ])('a link that is %s is refused with a message that says what to do', (_, hash) => {
    const decoded = decodeShare(hash());
    expect(decoded.kind).toBe('broken');
    if (decoded.kind === 'broken') expect(decoded.message).toMatch(/^This share link is broken or incomplete.*Ask for the link again, copied whole\. Nothing was changed\.$/);
  });

  it('refuses to make a link too long to paste, and to open one', () => {
    let seed = 1;
    const noise = Array.from({ length: MAX_PROJECT_CHARS - 100 }, () => String.fromCharCode(33 + ((seed = (seed * 1103515245 + 12345) >>> 0) % 90))).join('');
    const big = encodeShare({ ...work, project: { ...work.project, files: { 'stopwatch.c': noise } } });
    expect(big).toMatchObject({ ok: false, message: expect.stringMatching(/^Your code is too big for a link/) });
    expect(decodeShare(SHARE_PREFIX + 'A'.repeat(MAX_LINK_CHARS))).toMatchObject({ kind: 'broken' });
  });
});
