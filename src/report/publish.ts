/**
 * What `scan`, `evaluate` and `report` do with a results document: write the requested
 * reports, print the one-screen summary on stderr, and decide the exit code.
 */
import pc from 'picocolors';
import type { Io } from '../util/io.js';
import { gate } from '../evaluate/gate.js';
import type { ResultsDocument } from '../evaluate/types.js';
import type { RenderContext } from './formats.js';
import { resolveTargets, type ReportFlags } from './options.js';
import { renderSummary } from './summary.js';
import { writeReports } from './write.js';

/** Resolves to the exit code (the command sets it). */
export async function publishReports(doc: ResultsDocument, flags: ReportFlags, io: Io): Promise<number> {
  const { cwd } = io;
  const targets = resolveTargets(flags.format, { runId: doc.run.runId, cwd, ...(flags.outputDir !== undefined ? { outputDir: flags.outputDir } : {}) });
  const written = await writeReports(doc, targets, (text) => io.out(text), renderContext(io.env, flags));
  const exitCode = gate(doc, {
    ...(flags.failOn ? { failOn: flags.failOn } : {}),
    allowIncomplete: Boolean(flags.allowIncomplete),
    softFail: Boolean(flags.softFail),
  });
  const paint = io.color ? pc.createColors(true) : undefined;
  io.err(renderSummary({ doc, written, exitCode, cwd, quiet: Boolean(io.quiet), ...(paint ? { paint } : {}), ...(flags.failOn ? { failOn: flags.failOn } : {}) }));
  return exitCode;
}

/**
 * In GitHub Actions, the workflow file that ran the scan is in the repository: SARIF anchors
 * there the results of rules whose files are not (GITHUB_WORKFLOW_REF is
 * `owner/repo/.github/workflows/x.yml@refs/heads/main`).
 */
export function renderContext(env: NodeJS.ProcessEnv, flags: Pick<ReportFlags, 'sarifCategory'> = {}): RenderContext {
  const match = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? '');
  return { ...(match?.[1] ? { anchor: match[1] } : {}), ...(flags.sarifCategory ? { category: flags.sarifCategory } : {}) };
}
