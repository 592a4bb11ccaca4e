/**
 * What `scan`, `evaluate` and `report` do with a results document: write the requested
 * reports, print the one-screen summary on stderr, and decide the exit code.
 */
import type { CommandContext } from '../cli/io.js';
import { gate } from '../evaluate/gate.js';
import type { ResultsDocument } from '../evaluate/types.js';
import { resolveTargets, type ReportFlags } from './options.js';
import { renderSummary } from './summary.js';
import { writeReports } from './write.js';

/** Resolves to the exit code; the caller passes it to ctx.setExitCode. */
export async function publishReports(doc: ResultsDocument, flags: ReportFlags, ctx: CommandContext): Promise<number> {
  const { cwd } = ctx.io;
  const targets = resolveTargets(flags.format, { runId: doc.run.runId, cwd, ...(flags.outputDir !== undefined ? { outputDir: flags.outputDir } : {}) });
  const written = await writeReports(doc, targets, (text) => ctx.io.out(text));
  const exitCode = gate(doc, {
    ...(flags.failOn ? { failOn: flags.failOn } : {}),
    allowIncomplete: Boolean(flags.allowIncomplete),
    softFail: Boolean(flags.softFail),
  });
  ctx.io.err(renderSummary({ doc, written, exitCode, cwd, ...(flags.failOn ? { failOn: flags.failOn } : {}) }));
  return exitCode;
}
