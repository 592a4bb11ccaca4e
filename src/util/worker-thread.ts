/** Starting a worker thread the same way from the built package and from the TypeScript sources. */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker module `name` that sits beside the module `from` (its `import.meta.url`): the
 * built `.js`, without the parent's loader flags (a parent under tsx would have the worker load the
 * SDK through tsx's hooks); or, run from the TypeScript sources (tests, benches), the `.ts`
 * through tsx, whose loader hooks do not reach worker threads, so the worker registers them first.
 */
export function startWorker(from: string, name: string, workerData: unknown, options: Omit<WorkerOptions, 'workerData' | 'eval' | 'execArgv'> = {}): Worker {
  const fromSources = from.endsWith('.ts');
  const entry = new URL(`./${name}${fromSources ? '.ts' : '.js'}`, from);
  if (!fromSources) return new Worker(entry, { ...options, workerData, execArgv: [] });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { ...options, eval: true, workerData });
}
