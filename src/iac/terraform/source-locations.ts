/**
 * Where a Terraform resource is written: the `resource "TYPE" "NAME"` block in the .tf files of
 * its module's folder (module calls with a local source are followed from the root folder).
 * Registry and git modules, and plans read without their .tf files, give the address alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { ResourceLocation } from '../resource.js';

interface ModuleConfig {
  module_calls?: Record<string, { source?: string; module?: ModuleConfig }>;
}

interface Block {
  file: string;
  line: number;
  column: number;
}

export function locateResources(addresses: string[], root: ModuleConfig | undefined, tfDir: string | undefined, cwd: string): Map<string, ResourceLocation> {
  const out = new Map<string, ResourceLocation>();
  const folders = new Map<string, Map<string, Block>>();
  const blocksIn = (dir: string) => {
    let blocks = folders.get(dir);
    if (!blocks) folders.set(dir, (blocks = scanFolder(dir, cwd)));
    return blocks;
  };
  for (const address of addresses) {
    const parsed = parseAddress(address);
    const dir = tfDir === undefined ? undefined : moduleFolder(resolve(cwd, tfDir), root, parsed.modules);
    const block = dir === undefined ? undefined : blocksIn(dir).get(`${parsed.type}.${parsed.name}`);
    out.set(address, block ? { address, ...block } : { address });
  }
  return out;
}

/** module.a["k"].module.b.aws_s3_bucket.this[0] → modules [a, b], type aws_s3_bucket, name this. */
function parseAddress(address: string): { modules: string[]; type: string; name: string } {
  const parts = address.replace(/\[[^\]]*\]/g, '').split('.');
  const modules: string[] = [];
  while (parts[0] === 'module' && parts.length > 2) {
    modules.push(parts[1]!);
    parts.splice(0, 2);
  }
  return { modules, type: parts[0] ?? '', name: parts[1] ?? '' };
}

function moduleFolder(rootDir: string, root: ModuleConfig | undefined, modules: string[]): string | undefined {
  let dir = rootDir;
  let module = root;
  for (const name of modules) {
    const call = module?.module_calls?.[name];
    // Only local module sources are folders of this checkout.
    if (!call?.source || !/^\.\.?\//.test(call.source)) return undefined;
    dir = resolve(dir, call.source);
    module = call.module;
  }
  return dir;
}

const RESOURCE_BLOCK = /^(\s*)resource\s+"([A-Za-z0-9_-]+)"\s+"([A-Za-z0-9_-]+)"/;

function scanFolder(dir: string, cwd: string): Map<string, Block> {
  const blocks = new Map<string, Block>();
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.tf'))
      .sort();
  } catch {
    return blocks;
  }
  for (const name of files) {
    const path = join(dir, name);
    const shown = relative(cwd, path);
    const file = (shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path).split('\\').join('/');
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = RESOURCE_BLOCK.exec(text);
        if (m && !blocks.has(`${m[2]}.${m[3]}`)) blocks.set(`${m[2]}.${m[3]}`, { file, line: i + 1, column: m[1]!.length + 1 });
      });
  }
  return blocks;
}
