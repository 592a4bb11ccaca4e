/** Progress lines in CI logs: a sane ETA (or none), counts with the right plurals, nothing under --quiet. */
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/util/io.js';
import { eta, startProgress } from '../../src/cli/progress.js';

function logIo(quiet = false): Io & { text: () => string } {
  let err = '';
  return { out: () => undefined, err: (t) => void (err += t), isTTY: false, env: {}, cwd: '.', quiet, text: () => err };
}

describe('progress', () => {
  it('estimates the time left from the pace so far, and shows none it cannot know', () => {
    expect(eta(0, 10_000, 1, 4)).toBe(', ETA 30s');
    expect(eta(0, 60_000, 1, 3)).toBe(', ETA 2m00s');
    expect(eta(0, 3_600_000, 1, 3)).toBe(', ETA 2h00m');
    expect(eta(0, 10_000, 0, 4)).toBe(''); // nothing done yet: no pace
    expect(eta(0, 10_000, 1, 1)).toBe(''); // one unit: nothing left to estimate
    expect(eta(0, 10_000, 4, 4)).toBe('');
  });

  it('prints a line per 10% with singular and plural counts', () => {
    const io = logIo();
    const progress = startProgress(io, 'sweep', 2);
    progress.call(true, 0);
    progress.call(false, 1);
    progress.tick(1);
    progress.call(true, 0);
    progress.tick(2);
    progress.stop();
    const lines = io.text().trim().split('\n');
    expect(lines[0]).toMatch(/^sweep: 1\/2 \(50%\), 2 calls, 1 error, ETA \d+s$/);
    expect(lines[1]).toBe('sweep: 2/2 (100%), 3 calls, 1 error');
  });

  it('is silent under --quiet', () => {
    const io = logIo(true);
    const progress = startProgress(io, 'sweep', 2);
    progress.tick(1);
    progress.tick(2);
    expect(io.text()).toBe('');
  });
});
