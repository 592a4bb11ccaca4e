import { Command } from 'commander';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, FORMATS } from '../../src/report/formats.js';
import { addReportOptions, defaultOutputDir, resolveTargets, type ReportFlags } from '../../src/report/options.js';

function parse(args: string[]): ReportFlags {
  const command = addReportOptions(new Command().exitOverride().configureOutput({ writeErr: () => undefined }));
  command.parse(args, { from: 'user' });
  return command.opts<ReportFlags>();
}

const cwd = '/work/repo';
const runId = '3f9c2a7be41d6085c7aa';

describe('report options', () => {
  it('parses repeatable --format NAME[=PATH] and the gate flags', () => {
    const flags = parse(['--format', 'junit=out/junit.xml', '--format', 'sarif', '--fail-on', 'high', '--allow-incomplete', '--soft-fail', '--output-dir', 'r']);
    expect(flags).toEqual({
      format: [{ name: 'junit', path: 'out/junit.xml' }, { name: 'sarif' }],
      failOn: 'high',
      allowIncomplete: true,
      softFail: true,
      outputDir: 'r',
    });
    expect(parse([]).format).toEqual([]);
  });

  it('rejects an unknown format, an empty path and an unknown severity', () => {
    expect(() => parse(['--format', 'pdf'])).toThrow(/unknown format "pdf"/);
    expect(() => parse(['--format', 'csv='])).toThrow(/path after "=" is empty/);
    expect(() => parse(['--fail-on', 'severe'])).toThrow(/severe/);
  });

  it('writes every format to reports/<run-id>/ by default', () => {
    expect(resolveTargets([], { runId, cwd })).toEqual(FORMAT_NAMES.map((format) => ({ format, path: join(cwd, 'reports', runId, FORMATS[format].fileName) })));
  });

  it('sends json without a path to stdout, unless an output directory was given', () => {
    expect(resolveTargets([{ name: 'json' }], { runId, cwd })).toEqual([{ format: 'json', path: '-' }]);
    expect(resolveTargets([{ name: 'json' }], { runId, cwd, outputDir: 'out' })).toEqual([{ format: 'json', path: join(cwd, 'out', 'results.json') }]);
    expect(
      resolveTargets(
        [
          { name: 'markdown', path: '-' },
          { name: 'sarif', path: '/tmp/x.sarif' },
        ],
        { runId, cwd },
      ),
    ).toEqual([
      { format: 'markdown', path: '-' },
      { format: 'sarif', path: '/tmp/x.sarif' },
    ]);
  });

  it('refuses two formats on stdout or two formats in one file', () => {
    expect(() => resolveTargets([{ name: 'json' }, { name: 'csv', path: '-' }], { runId, cwd })).toThrow(/only one format can be written to stdout/);
    expect(() =>
      resolveTargets(
        [
          { name: 'csv', path: 'a.txt' },
          { name: 'markdown', path: './a.txt' },
        ],
        { runId, cwd },
      ),
    ).toThrow(/would both write/);
  });

  it('keeps a run id from a file from escaping the reports folder', () => {
    expect(defaultOutputDir('../../etc')).toBe(join('reports', '-..-etc'));
    expect(defaultOutputDir('..')).toBe(join('reports', 'run'));
  });
});
