import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { generatedDocs } from '../../src/docs/generate.js';

describe('generated documentation', () => {
  it('every generated doc is committed and current (run `npm run docs` to refresh)', async () => {
    const docs = await generatedDocs();
    expect(Object.keys(docs).length).toBeGreaterThan(0);
    for (const [path, content] of Object.entries(docs)) {
      const committed = await readFile(join(PACKAGE_ROOT, path), 'utf8');
      expect(committed, `${path} is stale: run npm run docs`).toBe(content);
    }
  });
});
