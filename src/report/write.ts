/**
 * Renders the chosen formats and writes them: files (parent folders created) or stdout.
 * Each file is streamed chunk by chunk to a temporary name and renamed when complete, so
 * an interrupted run never leaves a truncated report. Resolves to the files written.
 */
import { InputError } from '../errors.js';
import type { ResultsDocument } from '../evaluate/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { FORMATS, type RenderContext } from './formats.js';
import type { ReportTarget } from './options.js';

export async function writeReports(doc: ResultsDocument, targets: ReportTarget[], stdout: (text: string) => void, context: RenderContext = {}): Promise<string[]> {
  const written: string[] = [];
  for (const target of targets) {
    const chunks = FORMATS[target.format].render(doc, context);
    if (target.path === '-') {
      for (const chunk of chunks) stdout(chunk);
      continue;
    }
    try {
      await writeFileAtomic(target.path, chunks);
      written.push(target.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined) throw error;
      // A path the user chose that cannot be written is their input to fix, not a crash.
      throw new InputError([{ file: target.path, message: `cannot write the ${target.format} report (${code})` }]);
    }
  }
  return written;
}
