/** The layer check that `npm run lint` runs: it passes on src/ and fails on an upward import, a cycle or an unlisted stage. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers } from './check-layers.js';

const root = mkdtempSync(join(tmpdir(), 'trailguard-layers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const src = mkdtempSync(join(root, 'src-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  }
  return src;
}

describe('check-layers', () => {
  it('passes on trailguard itself', () => {
    expect(checkLayers(join(import.meta.dirname, '..', '..', 'src'))).toEqual([]);
  });

  // Each tree's files, and what the check says of it.
  const trees: Array<[string, Record<string, string>, string[]]> = [
    [
      'passes imports that point down the layers',
      {
        'cli/main.ts': "import { runScan } from '../scan/run-scan.js';\nconst later = () => import('../report/publish.js');\n",
        'scan/run-scan.ts': "import type { Io } from '../util/io.js';\nexport { note } from '../util/io.js';\n",
        'report/publish.ts': "import { TOOL } from '../package-info.js';\n",
        'util/io.ts': 'export const note = 1;\n',
        'package-info.ts': 'export const TOOL = 1;\n',
      },
      [],
    ],
    [
      'fails on an upward import, a type-only one and a dynamic one included',
      {
        'cli/io.ts': 'export interface Io {}\n',
        'scan/run-scan.ts': "import type { Io } from '../cli/io.js';\n",
        'report/publish.ts': "const io = () => import('../cli/io.js');\n",
        'evidence/export.ts': "import { x } from '../report/publish.js';\n",
      },
      [
        'src/evidence/export.ts imports src/report/publish.ts: evidence may not import report (same layer)',
        'src/report/publish.ts imports src/cli/io.ts: report may not import cli (a higher layer)',
        'src/scan/run-scan.ts imports src/cli/io.ts: scan may not import cli (a higher layer)',
      ],
    ],
    [
      'fails on an import cycle inside a stage and on a stage missing from the list',
      {
        'rules/benchmarks.ts': "import { load } from './benchmark-load.js';\n",
        'rules/benchmark-load.ts': "import { Benchmark } from './benchmarks.js';\n",
        // A cycle through a type-only import is erased from the JavaScript: not a cycle.
        'rules/types.ts': "import type { Rule } from './load.js';\nexport type R = Rule;\n",
        'rules/load.ts': "import { load } from './benchmark-load.js';\nimport { R } from './types.js';\n",
        'extras/x.ts': 'export const x = 1;\n',
      },
      ['src/extras/x.ts: stage "extras" is not in the layer list (test/layers/check-layers.ts)', 'import cycle: src/rules/benchmark-load.ts <-> src/rules/benchmarks.ts'],
    ],
  ];

  it.each(trees)('%s', (_name, files, problems) => {
    expect(checkLayers(tree(files))).toEqual(problems);
  });
});
