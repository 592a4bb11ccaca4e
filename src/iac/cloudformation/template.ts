/**
 * A CloudFormation template, YAML (with the short-form intrinsics `!Ref`, `!GetAtt`, `!Sub`, ...)
 * or JSON (CDK's cdk.out/*.template.json), read with the position of each resource's logical id.
 * Intrinsics become values (value.ts): Ref and GetAtt of a resource are references, pseudo
 * parameters and parameter defaults are substituted, conditions are decided where they can be,
 * and what only the deployment decides is Unknown.
 */
import { isMap, isScalar, LineCounter, parseDocument, YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '../../errors.js';
import { visible } from '../../util/visible-text.js';
import type { IacConfiguration, IacResource, Target } from '../resource.js';
import { Concat, Reference, Unknown } from '../value.js';

const FUNCTIONS = [
  'Ref',
  'GetAtt',
  'Sub',
  'Join',
  'If',
  'Select',
  'Split',
  'FindInMap',
  'Base64',
  'Equals',
  'And',
  'Or',
  'Not',
  'Condition',
  'ImportValue',
  'GetAZs',
  'Cidr',
  'Length',
  'ToJsonString',
];
const longName = (f: string) => (f === 'Ref' || f === 'Condition' ? f : `Fn::${f}`);

/** `!Ref X` → `{ Ref: X }`, `!GetAtt A.B` → `{ "Fn::GetAtt": [A, B] }`, and the sequence and mapping forms. */
const CUSTOM_TAGS = FUNCTIONS.flatMap((f) => [
  { tag: `!${f}`, resolve: (text: string) => ({ [longName(f)]: f === 'GetAtt' ? text.split(/\.(.*)/s).slice(0, 2) : text }) },
  { tag: `!${f}`, collection: 'seq' as const, resolve: (seq: YAMLSeq) => wrap(longName(f), seq) },
  { tag: `!${f}`, collection: 'map' as const, resolve: (map: YAMLMap) => wrap(longName(f), map) },
]);

function wrap(key: string, node: YAMLSeq | YAMLMap): YAMLMap {
  const map = new YAMLMap();
  map.set(key, node);
  return map;
}

interface Template {
  Parameters?: Record<string, { Default?: unknown }>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown>; Condition?: string }>;
}

export function isCloudFormationTemplate(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && ('Resources' in data || 'AWSTemplateFormatVersion' in data);
}

/** Parses YAML or JSON text with positions; syntax errors name file:line:col. */
export function parseTemplateText(text: string, file: string): { data: unknown; lines: Map<string, { line: number; column: number }> } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { customTags: CUSTOM_TAGS as never, lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { file, line, column: col, message: e.message.split('\n')[0]! };
      }),
    );
  }
  const lines = new Map<string, { line: number; column: number }>();
  const resources = doc.get('Resources', true);
  if (isMap(resources)) {
    for (const pair of resources.items) {
      if (isScalar(pair.key) && pair.key.range) {
        const { line, col } = lineCounter.linePos(pair.key.range[0]);
        lines.set(String(pair.key.value), { line, column: col });
      }
    }
  }
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), lines };
  } catch (error) {
    // The yaml library's guard against an alias bomb (a few lines that expand to gigabytes).
    throw new InputError([{ file, message: `YAML aliases expand too far: refusing what looks like an alias bomb (${(error as Error).message})` }]);
  }
}

export function readTemplate(data: unknown, lines: Map<string, { line: number; column: number }>, file: string, shownFile: string, target: Target): IacConfiguration {
  const template = data as Template;
  if (template.Resources === undefined || typeof template.Resources !== 'object' || template.Resources === null) {
    throw new InputError([{ file, message: 'a CloudFormation template needs a `Resources` mapping' }]);
  }
  const ctx = new Evaluator(template, target);
  const resources: IacResource[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!resource || typeof resource.Type !== 'string') {
      const at = lines.get(logicalId);
      throw new InputError([{ file, ...(at ?? {}), message: `resource ${visible(logicalId)} has no Type` }]);
    }
    // A resource whose condition is false is not created; one whose condition is unknown is evaluated as if it were.
    if (resource.Condition !== undefined && ctx.condition(resource.Condition) === false) continue;
    const values = ctx.value(resource.Properties ?? {}) as Record<string, unknown>;
    const at = lines.get(logicalId);
    resources.push({ address: logicalId, type: resource.Type, action: 'create', values: values ?? {}, location: { address: logicalId, file: shownFile, ...(at ?? {}) } });
  }
  return { format: 'cloudformation', file, resources };
}

const NO_VALUE = Symbol('AWS::NoValue');

class Evaluator {
  private readonly resources: Set<string>;
  constructor(
    private readonly template: Template,
    private readonly target: Target,
  ) {
    this.resources = new Set(Object.keys(template.Resources ?? {}));
  }

  value(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((n) => this.value(n)).filter((n) => n !== NO_VALUE);
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node as Record<string, unknown>);
    if (entries.length === 1) {
      const [key, arg] = entries[0]!;
      if (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::')) return this.intrinsic(key, arg);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) {
      const value = this.value(v);
      if (value !== NO_VALUE) out[k] = value;
    }
    return out;
  }

  private intrinsic(fn: string, arg: unknown): unknown {
    switch (fn) {
      case 'Ref':
        return this.ref(String(arg));
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(arg) ? arg.map(String) : String(arg).split(/\.(.*)/s);
        return this.resources.has(logicalId!) ? new Reference(logicalId!, attribute ?? '') : new Unknown(`GetAtt ${logicalId}.${attribute}: no such resource in the template`);
      }
      case 'Fn::Sub':
        return this.sub(arg);
      case 'Fn::Join': {
        const [delimiter, items] = Array.isArray(arg) ? (arg as unknown[]) : [];
        const list = this.value(items);
        if (!Array.isArray(list)) return list instanceof Unknown ? list : new Unknown('Fn::Join of a list known only after deployment');
        return new Concat(list.flatMap((item: unknown, i) => (i === 0 ? [item] : [String((delimiter as string | undefined) ?? ''), item])));
      }
      case 'Fn::If': {
        const [name, yes, no] = Array.isArray(arg) ? (arg as unknown[]) : [];
        const holds = this.condition(String(name));
        if (holds === undefined) return new Unknown(`condition ${String(name)} is decided at deployment`);
        return this.value(holds ? yes : no);
      }
      case 'Fn::Select': {
        const [index, items] = Array.isArray(arg) ? (arg as unknown[]) : [];
        const list = this.value(items);
        const i = Number(this.value(index));
        return Array.isArray(list) && Number.isInteger(i) && i >= 0 && i < list.length ? list[i] : new Unknown('Fn::Select of a value known only after deployment');
      }
      case 'Fn::Split': {
        const [delimiter, text] = Array.isArray(arg) ? (arg as unknown[]) : [];
        const value = this.value(text);
        return typeof value === 'string' ? value.split(String(delimiter)) : new Unknown('Fn::Split of a value known only after deployment');
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = (Array.isArray(arg) ? arg : []).map((a) => this.value(a));
        const found = typeof map === 'string' && typeof top === 'string' && typeof second === 'string' ? this.template.Mappings?.[map]?.[top]?.[second] : undefined;
        return found === undefined ? new Unknown('Fn::FindInMap with a key known only after deployment') : found;
      }
      case 'Fn::Base64': {
        const value = this.value(arg);
        return typeof value === 'string' ? Buffer.from(value).toString('base64') : new Unknown('Fn::Base64 of a value known only after deployment');
      }
      case 'Condition':
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not': {
        const holds = this.booleanOf(fn, arg);
        return holds === undefined ? new Unknown(`${fn} is decided at deployment`) : holds;
      }
      default:
        return new Unknown(`${fn} is resolved at deployment`);
    }
  }

  private ref(name: string): unknown {
    switch (name) {
      case 'AWS::AccountId':
        return this.target.accountId;
      case 'AWS::Region':
        return this.target.region;
      case 'AWS::Partition':
        return this.target.partition;
      case 'AWS::URLSuffix':
        return this.target.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
      case 'AWS::NoValue':
        return NO_VALUE;
      case 'AWS::NotificationARNs':
        return [];
      case 'AWS::StackName':
      case 'AWS::StackId':
        return new Unknown(`${name} is decided at deployment`);
    }
    if (this.resources.has(name)) return new Reference(name, 'Ref');
    const parameter = this.template.Parameters?.[name];
    if (parameter && parameter.Default !== undefined) return this.value(parameter.Default);
    return new Unknown(parameter ? `parameter ${name} has no default` : `${name} is neither a parameter nor a resource of the template`);
  }

  /** `${Name}`, `${Resource.Attr}`, `${!Literal}`, with the variables of the list form. */
  private sub(arg: unknown): unknown {
    const [text, variables] = Array.isArray(arg) ? [String(arg[0]), (arg[1] ?? {}) as Record<string, unknown>] : [String(arg), {}];
    const parts: unknown[] = [];
    let last = 0;
    for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
      parts.push(text.slice(last, m.index));
      last = m.index + m[0].length;
      const name = m[1]!.trim();
      if (name.startsWith('!')) parts.push(`\${${name.slice(1)}}`);
      else if (name in variables) parts.push(this.value(variables[name]));
      else if (name.includes('.') && !name.startsWith('AWS::')) {
        const [logicalId, attribute] = name.split(/\.(.*)/s);
        parts.push(this.resources.has(logicalId!) ? new Reference(logicalId!, attribute!) : new Unknown(`\${${name}}: no such resource`));
      } else parts.push(this.ref(name));
    }
    parts.push(text.slice(last));
    return new Concat(parts.filter((p) => p !== ''));
  }

  /** A condition's value, or undefined when the deployment decides it. */
  condition(name: string): boolean | undefined {
    const definition = this.template.Conditions?.[name];
    if (definition === undefined) return undefined;
    const holds = this.value(definition);
    return typeof holds === 'boolean' ? holds : undefined;
  }

  private booleanOf(fn: string, arg: unknown): boolean | undefined {
    if (fn === 'Condition') return this.condition(String(arg));
    const args = (Array.isArray(arg) ? arg : [arg]).map((a) => this.value(a));
    if (fn === 'Fn::Equals') {
      const [a, b] = args;
      if (containsUnknown(a) || containsUnknown(b)) return undefined;
      return JSON.stringify(a) === JSON.stringify(b);
    }
    const values = args.map((a) => (typeof a === 'boolean' ? a : undefined));
    if (fn === 'Fn::Not') return values[0] === undefined ? undefined : !values[0];
    if (fn === 'Fn::And') return values.includes(false) ? false : values.includes(undefined) ? undefined : true;
    return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
  }
}

function containsUnknown(value: unknown): boolean {
  if (value instanceof Unknown || value instanceof Reference || value instanceof Concat) return true;
  return Array.isArray(value) ? value.some(containsUnknown) : false;
}
