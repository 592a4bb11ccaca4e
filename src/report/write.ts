/** Renders the chosen formats and writes them: files (parent folders created) or stdout. Resolves to the files written. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../errors.js';
import type { ResultsDocument } from '../evaluate/types.js';
import { FORMATS, type RenderContext } from './formats.js';
import type { ReportTarget } from './options.js';

export async function writeReports(
  doc: ResultsDocument,
  targets: ReportTarget[],
  stdout: (text: string) => void,
  context: RenderContext = {},
): Promise<string[]> {
  const written: string[] = [];
  for (const target of targets) {
    const text = FORMATS[target.format].render(doc, context);
    if (target.path === '-') {
      stdout(text);
      continue;
    }
    try {
      await mkdir(dirname(target.path), { recursive: true });
      await writeFile(target.path, text);
      written.push(target.path);
    } catch (error) {
      // A path the user chose that cannot be written is their input to fix, not a crash.
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new InputError([{ file: target.path, message: `cannot write the ${target.format} report (${code})` }]);
    }
  }
  return written;
}
