/**
 * Reads a saved results.json (for `report` and `diff`). Anything wrong with it is the
 * user's input to fix: a clear message naming the file (and line, when there is one),
 * exit 2, never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { InputError, type Problem } from '../errors.js';
import type { ResultsDocument } from '../evaluate/types.js';
import { schemaProblems } from '../documents/schema-problems.js';
import { validatorFor } from '../documents/schemas.js';
import { parseYamlFile, problemAt } from '../documents/yaml-file.js';

export async function loadResults(path: string, cwd: string): Promise<ResultsDocument> {
  const absolute = resolve(cwd, path);
  const file = relative(cwd, absolute).startsWith('..') ? absolute : relative(cwd, absolute);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new InputError([{ file, message: `cannot read the results file (${(error as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError([syntaxProblem(file, text, error as Error)]);
  }
  const validate = validatorFor('results');
  if (!validate(value)) {
    // Re-parse with positions only on failure: results files can be large, and JSON is YAML.
    const { yaml } = parseYamlFile(file, text);
    throw new InputError(
      schemaProblems(validate, yaml)
        .slice(0, 20)
        .map((p) => p.problem),
    );
  }
  const doc = value as ResultsDocument;
  const rules = new Set(doc.rules.map((r) => r.id));
  const orphans = doc.results.map((r, i) => [r, i] as const).filter(([r]) => !rules.has(r.ruleId));
  if (orphans.length) {
    const { yaml } = parseYamlFile(file, text);
    throw new InputError(orphans.slice(0, 20).map(([r, i]) => problemAt(yaml, ['results', i, 'ruleId'], `rule \`${r.ruleId}\` is not in \`rules\``)));
  }
  return doc;
}

/** JSON.parse says "… at position N" (Node 20) or "(line L column C)" (Node 22); both become file:line:col. */
function syntaxProblem(file: string, text: string, error: Error): Problem {
  const lineCol = /line (\d+) column (\d+)/.exec(error.message);
  const position = /at position (\d+)/.exec(error.message);
  const message = `not valid JSON: ${error.message.replace(/\s*(in JSON )?at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`;
  if (lineCol) return { file, line: Number(lineCol[1]), column: Number(lineCol[2]), message };
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    return { file, line, column: before.length - before.lastIndexOf('\n'), message };
  }
  return { file, message };
}
