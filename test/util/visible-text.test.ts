import { describe, expect, it } from 'vitest';
import { printable, visible } from '../../src/util/visible-text.js';

describe('visible', () => {
  it('escapes terminal control sequences, CR and LF so a name cannot forge or hide a line', () => {
    expect(visible('trail\x1b]0;pwned\x07\r\nexit 0: all clear')).toBe('trail\\x1b]0;pwned\\x07\\x0d\\x0aexit 0: all clear');
    expect(visible('zz\x1b[30;40m\x1b[8m')).toBe('zz\\x1b[30;40m\\x1b[8m');
  });
  it('escapes C1 controls and bidirectional overrides', () => {
    expect(visible('a\u009bb\u202ec')).toBe('a\\x9bb\\u202ec');
  });
  it('neutralizes a GitHub workflow command at the start of a value', () => {
    expect(visible('::error::injected')).toBe('\\x3a:error::injected');
    expect(visible('a::b')).toBe('a::b');
  });
  it('leaves ordinary text, including non-ASCII names, unchanged', () => {
    expect(visible('payments-prod (Zahlungen, 支払い)')).toBe('payments-prod (Zahlungen, 支払い)');
  });
});

describe('visible, multiline', () => {
  it('keeps line breaks and tabs but escapes a lone CR and ESC, and defuses a workflow command on any line', () => {
    expect(visible('aws s3 ls\n\techo ok\r\n::error::x\x1b[8m\rforged', { multiline: true })).toBe('aws s3 ls\n\techo ok\r\n\\x3a:error::x\\x1b[8m\\x0dforged');
  });
});

describe('printable', () => {
  it('escapes the interpolated values only', () => {
    const name = 'zz\nb: intact\x1b[8m';
    expect(printable`${name}:\tNOT intact\n`).toBe('zz\\x0ab: intact\\x1b[8m:\tNOT intact\n');
    expect(printable`${'::warning::x'} done`).toBe('\\x3a:warning::x done');
  });
});
