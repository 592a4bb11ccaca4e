/**
 * Compiles a condition written in a rule file into a CompiledCondition, once, at load
 * time. Every mistake that can be known without data (unknown key or operator, a value of
 * the wrong type, a bad path, regex or JMESPath, an unknown parameter) becomes a problem
 * located at its file:line:col; the compiled function never re-checks them.
 */
import type { Problem } from '../../errors.js';
import { didYouMean } from '../../util/did-you-mean.js';
import type { CompiledCondition, ParameterSpec, ResourceType } from '../types.js';
import { undeclaredPath } from '../view-catalogue.js';
import { locateKey, problemAt, type YamlFile, type YamlPath } from '../../documents/yaml-file.js';
import { leafCheck, lhsLabel, type Lhs, type Operand } from './leaf.js';
import { OPERATORS } from './operators/index.js';
import { jsonType, type Operator } from './operators/operator.js';
import { giveBecause, outcomeOf, type Check, type ErrorOutcome } from './outcome.js';
import { parsePath, type ParsedPath } from './path.js';
import { count, quantify, type CountOp, type Quantifier } from './quantifier.js';
import { compileQuery, type CompiledQuery } from './query.js';

export interface CompileContext {
  yaml: YamlFile;
  /** The parameters that are valid (their schema compiles and their default satisfies it). */
  parameters: Record<string, ParameterSpec>;
  /** Every declared parameter name: an invalid one is already reported, so it is not "unknown". */
  declared?: string[];
  problems: Problem[];
  /** The view the rule reads: every path is checked against the catalogue (rules/view-catalogue.ts). */
  resource?: ResourceType;
  /** Filled while compiling: the view paths read (`<array>[].<field>` inside quantifiers), what the planner collects for. */
  reads?: string[];
}

interface Node extends Check {
  /** A short text of what the condition checks, for the failure of a `not`. */
  describe: string;
}

const KEYS = {
  all: ['all', 'because'],
  any: ['any', 'because'],
  not: ['not', 'because'],
  quantified: ['path', 'some', 'every', 'none', 'because'],
  count: ['path', 'where', 'count', 'because'],
  leaf: ['path', 'query', 'param', 'op', 'value', 'because'],
} as const;
type Kind = keyof typeof KEYS;
const ALL_KEYS = [...new Set(Object.values(KEYS).flat())];
const QUANTIFIERS: Quantifier[] = ['some', 'every', 'none'];
const COUNT_OPS: CountOp[] = ['gte', 'lte', 'eq', 'gt', 'lt'];

/**
 * Compiles the condition at `at` in the file; returns undefined (with problems added)
 * when it has mistakes. `extraKeys` are keys allowed beside it (`reason` in applies_when).
 */
export function compileCondition(raw: unknown, at: YamlPath, cc: CompileContext, extraKeys: string[] = []): CompiledCondition | undefined {
  const before = cc.problems.length;
  const node = compileNode(raw, at, cc, '', extraKeys);
  if (!node || cc.problems.length > before) return undefined;
  return (ctx) => outcomeOf(node, ctx.view, ctx);
}

/** `scope` is where relative paths start in the view: `` at the top, `<array path>[].` inside a quantifier. */
function compileNode(raw: unknown, at: YamlPath, cc: CompileContext, scope: string, extraKeys: readonly string[] = []): Node | undefined {
  const report = (path: YamlPath, message: string) => cc.problems.push(problemAt(cc.yaml, path, message));
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    report(at, 'a condition must be a mapping (all, any, not, a leaf with `op`, a quantifier or a count)');
    return undefined;
  }
  const node = raw as Record<string, unknown>;
  const forms = FORM_KEYS.filter((k) => k in node);
  if (forms.length > 1) {
    report(at, `a condition has one form; this one mixes ${forms.map((f) => `\`${f}\``).join(' and ')} (nest them under \`all\` or \`any\`)`);
    return undefined;
  }
  const kind = kindOf(node);
  if (kind === undefined) {
    const unknown = Object.keys(node).filter((k) => !ALL_KEYS.includes(k as never) && !extraKeys.includes(k));
    for (const key of unknown) reportKey(cc, at, key, `unknown key \`${key}\`${didYouMean(key, ALL_KEYS)}`);
    if (unknown.length === 0) report(at, 'a condition needs one of `all`, `any`, `not`, `op` (with `path`, `query` or `param`), `some`, `every`, `none` or `count`');
    return undefined;
  }
  const allowed = [...KEYS[kind], ...extraKeys];
  let ok = true;
  for (const key of Object.keys(node)) {
    if (!allowed.includes(key)) {
      reportKey(cc, at, key, `unknown key \`${key}\` in ${describeKind(kind)}${didYouMean(key, [...allowed, ...ALL_KEYS])}`);
      ok = false;
    }
  }
  const because = node.because;
  if (because !== undefined && (typeof because !== 'string' || because === '')) {
    report([...at, 'because'], '`because` must be a non-empty string');
    ok = false;
  }
  // A leaf with a misspelt key would also report what the misspelling left out: the key problem says it all.
  if (!ok && kind === 'leaf') return undefined;
  const compiled = compileKind(kind, node, at, cc, scope, because as string | undefined);
  return ok ? compiled : undefined;
}

/** The keys that decide a condition's form; a condition uses exactly one form. */
const FORM_KEYS = ['all', 'any', 'not', 'some', 'every', 'none', 'count', 'op'];

function kindOf(node: Record<string, unknown>): Kind | undefined {
  if ('all' in node) return 'all';
  if ('any' in node) return 'any';
  if ('not' in node) return 'not';
  if (QUANTIFIERS.some((q) => q in node)) return 'quantified';
  if ('count' in node) return 'count';
  if ('op' in node || 'query' in node || 'param' in node || 'path' in node) return 'leaf';
  return undefined;
}

function describeKind(kind: Kind): string {
  return kind === 'leaf' ? 'a leaf condition' : kind === 'quantified' ? 'a quantifier' : `\`${kind}\``;
}

function reportKey(cc: CompileContext, at: YamlPath, key: string, message: string): void {
  const { line, column } = locateKey(cc.yaml, at, key);
  cc.problems.push({ file: cc.yaml.file, line, column, message });
}

function compileKind(kind: Kind, node: Record<string, unknown>, at: YamlPath, cc: CompileContext, scope: string, because: string | undefined): Node | undefined {
  switch (kind) {
    case 'all':
    case 'any':
      return compileJunction(kind, node[kind], [...at, kind], cc, scope, because);
    case 'not':
      return compileNot(node.not, [...at, 'not'], cc, scope, because);
    case 'quantified':
      return compileQuantified(node, at, cc, scope, because);
    case 'count':
      return compileCount(node, at, cc, scope, because);
    case 'leaf':
      return compileLeaf(node, at, cc, scope, because);
  }
}

function compileJunction(kind: 'all' | 'any', children: unknown, at: YamlPath, cc: CompileContext, scope: string, because: string | undefined): Node | undefined {
  if (!Array.isArray(children) || children.length === 0) {
    cc.problems.push(problemAt(cc.yaml, at, `\`${kind}\` must be a non-empty list of conditions`));
    return undefined;
  }
  const compiled = children.map((child, i) => compileNode(child, [...at, i], cc, scope));
  if (compiled.some((n) => n === undefined)) return undefined;
  const nodes = compiled as Node[];
  const describe = `${kind}(${nodes.map((n) => n.describe).join(', ')})`;
  // The answer stops at the first child that settles it; the failures of a false one are those of every false child.
  if (kind === 'all') {
    return {
      describe,
      test(scope, ctx) {
        let firstError: ErrorOutcome | undefined;
        for (const node of nodes) {
          const answer = node.test(scope, ctx);
          if (answer === false) return false;
          if (answer !== true) firstError ??= answer;
        }
        return firstError ?? true;
      },
      explain(scope, ctx, into) {
        const from = into.length;
        for (const node of nodes) if (node.test(scope, ctx) === false) node.explain(scope, ctx, into);
        giveBecause(into, from, because);
      },
    };
  }
  return {
    describe,
    test(scope, ctx) {
      let firstError: ErrorOutcome | undefined;
      for (const node of nodes) {
        const answer = node.test(scope, ctx);
        if (answer === true) return true;
        if (answer !== false) firstError ??= answer;
      }
      return firstError ?? false;
    },
    explain(scope, ctx, into) {
      const from = into.length;
      // A false `any` has only false children.
      for (const node of nodes) node.explain(scope, ctx, into);
      giveBecause(into, from, because);
    },
  };
}

function compileNot(child: unknown, at: YamlPath, cc: CompileContext, scope: string, because: string | undefined): Node | undefined {
  const inner = compileNode(child, at, cc, scope);
  if (!inner) return undefined;
  return {
    describe: `not(${inner.describe})`,
    test(scope, ctx) {
      const answer = inner.test(scope, ctx);
      return typeof answer === 'boolean' ? !answer : answer;
    },
    explain: (_scope, _ctx, into) => void into.push({ because, op: 'not', expected: `not ${inner.describe}`, actual: 'it holds' }),
  };
}

function compilePath(raw: unknown, at: YamlPath, cc: CompileContext, scope: string): ParsedPath | undefined {
  if (typeof raw !== 'string') {
    cc.problems.push(problemAt(cc.yaml, at, '`path` must be a string'));
    return undefined;
  }
  let path: ParsedPath;
  try {
    path = parsePath(raw);
  } catch (error) {
    cc.problems.push(problemAt(cc.yaml, at, (error as Error).message));
    return undefined;
  }
  return readsField(`${scope}${path.text}`, at, cc) ? path : undefined;
}

/** Records a view path the rule reads; false (with a problem at `at`) when the catalogue does not declare it. */
function readsField(path: string, at: YamlPath, cc: CompileContext): boolean {
  cc.reads?.push(path);
  const undeclared = cc.resource && undeclaredPath(cc.resource, path);
  if (undeclared) cc.problems.push(problemAt(cc.yaml, at, undeclared));
  return !undeclared;
}

function compileQuantified(node: Record<string, unknown>, at: YamlPath, cc: CompileContext, scope: string, because: string | undefined): Node | undefined {
  const kind = QUANTIFIERS.find((q) => q in node)!;
  const path = compilePath(node.path, [...at, 'path'], cc, scope);
  const inner = path && compileNode(node[kind], [...at, kind], cc, `${scope}${path.text}[].`);
  if (!path || !inner) return undefined;
  return { describe: `${kind} ${path.text}: ${inner.describe}`, ...quantify(kind, path, inner, because) };
}

function compileCount(node: Record<string, unknown>, at: YamlPath, cc: CompileContext, scope: string, because: string | undefined): Node | undefined {
  const path = compilePath(node.path, [...at, 'path'], cc, scope);
  const where = node.where === undefined || !path ? undefined : compileNode(node.where, [...at, 'where'], cc, `${scope}${path.text}[].`);
  const spec = node.count as { op?: unknown; value?: unknown } | null;
  const specOk = spec !== null && typeof spec === 'object' && COUNT_OPS.includes(spec.op as CountOp) && Number.isInteger(spec.value) && (spec.value as number) >= 0;
  if (!specOk) {
    const badOp = spec !== null && typeof spec === 'object' && typeof spec.op === 'string' && !COUNT_OPS.includes(spec.op as CountOp);
    const hint = badOp ? didYouMean(spec.op as string, COUNT_OPS) : '';
    cc.problems.push(problemAt(cc.yaml, [...at, 'count'], `\`count\` must be {op: ${COUNT_OPS.join('|')}, value: a whole number >= 0}${hint}`));
  }
  if (!path || (node.where !== undefined && !where) || !specOk) return undefined;
  const { op, value } = spec as { op: CountOp; value: number };
  return { describe: `count ${path.text} ${op} ${value}`, ...count(path, where, op, value, because) };
}

function compileLeaf(node: Record<string, unknown>, at: YamlPath, cc: CompileContext, scope: string, because: string | undefined): Node | undefined {
  const report = (key: string, message: string) => cc.problems.push(problemAt(cc.yaml, [...at, key], message));
  const sides = (['path', 'query', 'param'] as const).filter((k) => k in node);
  if (sides.length !== 1) {
    cc.problems.push(problemAt(cc.yaml, at, `a leaf condition has exactly one of \`path\`, \`query\`, \`param\` (found ${sides.length === 0 ? 'none' : sides.join(', ')})`));
    return undefined;
  }
  if (typeof node.op !== 'string') {
    if ('op' in node) report('op', '`op` must be an operator name');
    else cc.problems.push(problemAt(cc.yaml, at, 'a leaf condition needs `op`'));
    return undefined;
  }
  const op = OPERATORS.get(node.op);
  if (!op) {
    report('op', `unknown operator \`${node.op}\`${didYouMean(node.op, OPERATORS.keys())}`);
    return undefined;
  }
  const lhs = compileLhs(sides[0]!, node[sides[0]!], op, at, cc, scope);
  const operand = compileOperand(op, node, at, cc, scope);
  if (!lhs || !operand) return undefined;
  return { describe: `${lhsLabel(lhs)} ${op.name}`, ...leafCheck({ lhs, label: lhsLabel(lhs), op, operand, because }) };
}

function compileLhs(side: 'path' | 'query' | 'param', raw: unknown, op: Operator, at: YamlPath, cc: CompileContext, scope: string): Lhs | undefined {
  const where: YamlPath = [...at, side];
  if (side === 'path') {
    const path = compilePath(raw, where, cc, scope);
    return path && { kind: 'path', path };
  }
  if (side === 'query') {
    const query = compileJmesPath(raw, where, cc, scope);
    return query && { kind: 'query', query };
  }
  const name = checkParam(raw, where, cc);
  if (name === undefined) return undefined;
  const type = jsonType(cc.parameters[name]!.default);
  if (type !== 'missing' && !op.accepts.includes(type)) {
    cc.problems.push(problemAt(cc.yaml, where, `parameter \`${name}\` is a ${type}, but \`${op.name}\` reads ${op.accepts.join(' or ')}`));
    return undefined;
  }
  return { kind: 'param', name };
}

function compileJmesPath(raw: unknown, at: YamlPath, cc: CompileContext, scope: string): CompiledQuery | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') {
    cc.problems.push(problemAt(cc.yaml, at, '`query` must be a JMESPath expression'));
    return undefined;
  }
  let query: CompiledQuery;
  try {
    query = compileQuery(raw);
  } catch (error) {
    cc.problems.push(problemAt(cc.yaml, at, `invalid JMESPath \`${raw}\`: ${(error as Error).message}`));
    return undefined;
  }
  // The fields the expression reads from the view, from its syntax tree (query.ts), as paths are.
  const declared = query.paths.map((chain) => readsField(`${scope}${chain.join('.')}`, at, cc));
  return declared.every(Boolean) ? query : undefined;
}

function checkParam(raw: unknown, at: YamlPath, cc: CompileContext): string | undefined {
  const names = cc.declared ?? Object.keys(cc.parameters);
  if (typeof raw === 'string' && names.includes(raw) && !(raw in cc.parameters)) return undefined;
  if (typeof raw !== 'string' || !names.includes(raw)) {
    const hint = typeof raw === 'string' ? didYouMean(raw, names) : '';
    const declared = names.length > 0 ? ` (declared: ${names.join(', ')})` : ' (the rule declares no parameters)';
    cc.problems.push(problemAt(cc.yaml, at, `unknown parameter \`${String(raw)}\`${hint}${hint ? '' : declared}`));
    return undefined;
  }
  return raw;
}

function compileOperand(op: Operator, node: Record<string, unknown>, at: YamlPath, cc: CompileContext, scope: string): Operand | undefined {
  const where: YamlPath = [...at, 'value'];
  const report = (message: string) => cc.problems.push(problemAt(cc.yaml, 'value' in node ? where : at, message));
  const raw = node.value;
  if (op.operand === null) {
    if ('value' in node) return (report(`\`${op.name}\` takes no \`value\``), undefined);
    return { kind: 'none' };
  }
  if (!('value' in node)) return (report(`\`${op.name}\` needs a \`value\` (${op.operand.join(' or ')})`), undefined);
  const needs = `\`${op.name}\` needs a ${op.operand.join(' or ')} value`;
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const ref = raw as Record<string, unknown>;
    const keys = Object.keys(ref);
    if (keys.length === 1 && keys[0] === 'param') {
      const name = checkParam(ref.param, [...where, 'param'], cc);
      if (name === undefined) return undefined;
      const type = jsonType(cc.parameters[name]!.default);
      if (type !== 'missing' && !op.operand.includes(type)) return (report(`${needs}, but parameter \`${name}\` is a ${type}`), undefined);
      return { kind: 'param', name };
    }
    if (keys.length === 1 && keys[0] === 'path') {
      const path = compilePath(ref.path, [...where, 'path'], cc, scope);
      return path && { kind: 'path', path };
    }
    return (report(`\`value\` must be a literal, {param: name} or {path: p}`), undefined);
  }
  const type = jsonType(raw);
  if (type === 'missing') return (report(`${needs}, found null (use \`exists\`/\`not_exists\` for absence)`), undefined);
  if (!op.operand.includes(type)) return (report(`${needs}, found ${type} ${JSON.stringify(raw)}`), undefined);
  try {
    return { kind: 'literal', raw, prepared: op.prepare ? op.prepare(raw) : raw };
  } catch (error) {
    return (report((error as Error).message), undefined);
  }
}
