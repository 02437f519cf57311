import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-rules.ts';

describe('passwordProblems (mirrors the server policy)', () => {
  it.each([
    ['Jixiao2027', undefined, []],
    ['jx2026', undefined, ['tooShort']],
    ['12345678', undefined, ['needLetter']],
    ['abcdefgh', undefined, ['needDigit']],
    ['绩效管理平台2026', undefined, []],
    ['Jixiao2026', 'Jixiao2026', ['sameAsCurrent']],
  ] as const)('%s → %o', (pw, current, problems) => {
    expect(passwordProblems(pw, current)).toEqual(problems);
  });
});
