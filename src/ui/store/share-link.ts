// A share link carries the student's code and the board's options in the
// URL's hash (#share=…), compressed with lz-string into characters a URL
// keeps as they are. The hash never reaches a server, so the playground stays
// a static site. Opening a link shows the code and runs nothing by itself.
//
// A link is input from anyone: it is decoded with limits (length, size after
// decompression, file count) and every field is checked before the page
// takes it; a broken one gets a message that says what to do.

import * as lzModule from 'lz-string';
import type { SpeedMode, StopwatchOnError } from '../../protocol/messages.ts';
import { checkProject, MAX_PROJECT_CHARS } from './project-check.ts';
import type { Project } from './workspace-slice.ts';

/** lz-string is a CommonJS module: bundlers give its functions as named exports, Node's own loader (the browser tests
 * read links with this file) only as the default export. Either way, this is the object with the functions. */
const lz: typeof lzModule = (lzModule as typeof lzModule & { default?: typeof lzModule }).default ?? lzModule;

export const SHARE_PREFIX = '#share=';
/** Chat programs and mail clients cut or refuse longer links; a driver compresses far below this. */
export const MAX_LINK_CHARS = 64 * 1024;
/** The decompressed JSON: the project's limit plus room for names and quoting. */
const MAX_JSON_CHARS = MAX_PROJECT_CHARS * 2;
/** The shape inside the link; a future shape gets a new number. */
const LINK_FORMAT = 1;

/** How the board is set up, as the share link carries it. */
export interface BoardOptions {
  speed: SpeedMode;
  jit: boolean;
  stopwatchOnError: StopwatchOnError;
}

export interface SharedWork {
  project: Project;
  board: BoardOptions;
}

export type DecodedShare =
  | { kind: 'none' }
  | { kind: 'ok'; work: SharedWork }
  | { kind: 'broken'; message: string };

export type EncodedShare = { ok: true; hash: string } | { ok: false; message: string };

/** The hash part of a link that opens this work: "#share=…". */
export function encodeShare(work: SharedWork): EncodedShare {
  const payload = { v: LINK_FORMAT, project: work.project, board: work.board };
  const hash = SHARE_PREFIX + lz.compressToEncodedURIComponent(JSON.stringify(payload));
  if (hash.length > MAX_LINK_CHARS) {
    return { ok: false, message: `Your code is too big for a link (${Math.round(hash.length / 1024)} KiB compressed, at most ${MAX_LINK_CHARS / 1024} KiB). Remove files you do not need, or share the files themselves.` };
  }
  return { ok: true, hash };
}

/** The full address to share: the page's address without its old hash, plus the work. */
export function shareUrl(pageUrl: string, hash: string): string {
  const at = pageUrl.indexOf('#');
  return (at < 0 ? pageUrl : pageUrl.slice(0, at)) + hash;
}

const BROKEN = 'This share link is broken or incomplete, so its code could not be opened';
const broken = (why: string): DecodedShare => ({ kind: 'broken', message: `${BROKEN} (${why}). Ask for the link again, copied whole. Nothing was changed.` });

/** Reads a page's hash: no link, a link's work, or why the link cannot be opened. */
export function decodeShare(hash: string): DecodedShare {
  if (!hash.startsWith(SHARE_PREFIX)) return { kind: 'none' };
  if (hash.length > MAX_LINK_CHARS) return broken(`it is ${Math.round(hash.length / 1024)} KiB long, longer than a playground link can be`);
  const packed = hash.slice(SHARE_PREFIX.length);
  if (!/^[A-Za-z0-9+\-$]+$/.test(packed)) return broken('it has characters a playground link never has');
  let json: string | null;
  try {
    json = lz.decompressFromEncodedURIComponent(packed);
  } catch {
    json = null;
  }
  if (!json) return broken('its text does not decompress');
  if (json.length > MAX_JSON_CHARS) return broken('its code is bigger than the playground accepts');
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return broken('it does not hold the data the playground writes');
  }
  if (typeof payload !== 'object' || payload === null) return broken('it does not hold the data the playground writes');
  const { v, project, board } = payload as Record<string, unknown>;
  if (v !== LINK_FORMAT) return broken('it was made by a different version of the playground');
  const checked = checkProject(project);
  if (!checked.ok) return broken(checked.problem);
  const options = checkBoard(board);
  if (!options) return broken('its board options are not valid');
  return { kind: 'ok', work: { project: checked.project, board: options } };
}

function checkBoard(value: unknown): BoardOptions | null {
  if (typeof value !== 'object' || value === null) return null;
  const { speed, jit, stopwatchOnError } = value as Record<string, unknown>;
  if (speed !== 'fast' && speed !== 'realtime') return null;
  if (typeof jit !== 'boolean') return null;
  if (stopwatchOnError !== 'stop' && stopwatchOnError !== 'log') return null;
  return { speed, jit, stopwatchOnError };
}
