// `test` and `[` (XCU test): string, integer and file tests, `!`, `-a`,
// `-o` and parentheses. Status 0 true, 1 false, 2 for a usage error.
import { FsError } from '../../fs/errno.ts';
import { fail, resolve, type CommandContext, type CommandFn } from './context.ts';

class TestError extends Error {}

const UNARY = new Set(['-n', '-z', '-e', '-f', '-d', '-c', '-b', '-p', '-r', '-w', '-x', '-s', '-L', '-h', '-S', '-t']);
const BINARY = new Set(['=', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

function integer(s: string): bigint {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new TestError(`${s}: bad number`);
  return BigInt(t);
}

function fileTest(ctx: CommandContext, op: string, path: string): boolean {
  try {
    const st = ctx.vfs.stat(resolve(ctx, path));
    switch (op) {
      case '-e': case '-r': return true;
      case '-w': return (st.mode & 0o222) !== 0 || st.kind === 'dir';
      case '-x': return (st.mode & 0o111) !== 0;
      case '-f': return st.kind === 'file';
      case '-d': return st.kind === 'dir';
      case '-c': return st.kind === 'chr';
      case '-s': return st.size > 0;
      default: return false;
    }
  } catch (e) {
    if (e instanceof FsError) return false;
    throw e;
  }
}

class TestParser {
  pos = 0;
  constructor(private readonly ctx: CommandContext, private readonly a: string[]) {}

  orExpr(): boolean {
    let v = this.andExpr();
    while (this.a[this.pos] === '-o') { this.pos++; const r = this.andExpr(); v = v || r; }
    return v;
  }

  private andExpr(): boolean {
    let v = this.notExpr();
    while (this.a[this.pos] === '-a') { this.pos++; const r = this.notExpr(); v = v && r; }
    return v;
  }

  private notExpr(): boolean {
    if (this.a[this.pos] === '!' && this.pos + 1 < this.a.length) { this.pos++; return !this.notExpr(); }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.a;
    const t = a[this.pos];
    if (t === undefined) throw new TestError('argument expected');
    if (t === '(' && a.length - this.pos > 2 && !BINARY.has(a[this.pos + 1])) {
      this.pos++;
      const v = this.orExpr();
      if (a[this.pos++] !== ')') throw new TestError("closing paren expected");
      return v;
    }
    if (BINARY.has(a[this.pos + 1]) && this.pos + 2 < a.length) {
      this.pos += 3;
      return binary(t, a[this.pos - 2], a[this.pos - 1]);
    }
    if (UNARY.has(t) && this.pos + 1 < a.length) {
      this.pos += 2;
      return this.unary(t, a[this.pos - 1]);
    }
    this.pos++;
    return t !== '';
  }

  private unary(op: string, arg: string): boolean {
    if (op === '-n') return arg !== '';
    if (op === '-z') return arg === '';
    if (op === '-t') return false;
    return fileTest(this.ctx, op, arg);
  }
}

function binary(l: string, op: string, r: string): boolean {
  switch (op) {
    case '=': return l === r;
    case '!=': return l !== r;
    case '-eq': return integer(l) === integer(r);
    case '-ne': return integer(l) !== integer(r);
    case '-lt': return integer(l) < integer(r);
    case '-le': return integer(l) <= integer(r);
    case '-gt': return integer(l) > integer(r);
    default: return integer(l) >= integer(r);
  }
}

function evaluate(ctx: CommandContext, args: string[]): boolean {
  if (args.length === 0) return false;
  const p = new TestParser(ctx, args);
  const v = p.orExpr();
  if (p.pos < args.length) throw new TestError(`${args[p.pos]}: unexpected operator`);
  return v;
}

async function run(ctx: CommandContext, args: string[]): Promise<number> {
  try {
    return evaluate(ctx, args) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) return fail(ctx, e.message, 2);
    throw e;
  }
}

export const testCommands: Record<string, CommandFn> = {
  test: (ctx) => run(ctx, ctx.args),
  '[': async (ctx) => {
    if (ctx.args[ctx.args.length - 1] !== ']') return fail(ctx, "missing ']'", 2);
    return run(ctx, ctx.args.slice(0, -1));
  },
};
