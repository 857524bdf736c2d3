// The memo of font checks passed: a pass outlives its process, and a different font or text is checked anew.
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

describe('font check memo', () => {
  it('names a check by the font and the text, and keeps a pass for the next process', async () => {
    const { checkKey, passedBefore, rememberPass } = await import('../../src/fonts/check-memo.js');
    const font = randomBytes(16).toString('hex');
    const key = checkKey(font, 'Аа');
    expect(checkKey(font, 'Аа')).toBe(key);
    expect(checkKey(font, 'Аб')).not.toBe(key);
    expect(checkKey(randomBytes(16).toString('hex'), 'Аа')).not.toBe(key);
    expect(passedBefore(key)).toBe(false);
    rememberPass(key);
    expect(passedBefore(key)).toBe(true);
    vi.resetModules();
    const fresh = await import('../../src/fonts/check-memo.js');
    expect(fresh.passedBefore(key)).toBe(true);
    expect(fresh.passedBefore(checkKey(font, 'Аб'))).toBe(false);
  });
});
