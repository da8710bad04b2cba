import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { canonicalKeyword, KEYWORDS } from './keywords.ts';
import { KERNEL_C_TARGET } from '../../../tests/support/oracles.ts';

describe('keywords', () => {
  it('are all words riscv gcc reserves (none can name a variable)', () => {
    const words = [...KEYWORDS];
    const text = words.map((w) => `int ${w} = 1;`).join('\n');
    let stderr = '';
    try {
      execFileSync('riscv64-unknown-elf-gcc', [...KERNEL_C_TARGET, '-std=gnu99', '-fsyntax-only', '-x', 'c', '-'], {
        input: text, stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (e) {
      stderr = String((e as { stderr?: Buffer }).stderr);
    }
    const failed = new Set([...stderr.matchAll(/<stdin>:(\d+):\d+: error/g)].map((m) => Number(m[1])));
    expect(words.filter((_, i) => !failed.has(i + 1))).toEqual([]);
  });

  it('fold GNU spellings to the standard keyword', () => {
    expect(['__inline__', '__asm__', '__volatile', '__typeof__', '__alignof__', '__signed__', 'int', 'foo'].map(canonicalKeyword))
      .toEqual(['inline', 'asm', 'volatile', 'typeof', '_Alignof', 'signed', 'int', 'foo']);
  });
});
