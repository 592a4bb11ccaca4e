/** The package's own facts (where it is installed, its name and version), below every stage. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: one level above this file both in src/ and in dist/. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled demo organization that `trailguard demo` scans (a world file for the simulator). */
export const DEMO_WORLD = join(PACKAGE_ROOT, 'examples', 'demo-org.yaml');

export const TOOL = {
  name: 'trailguard',
  version: (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version,
};
