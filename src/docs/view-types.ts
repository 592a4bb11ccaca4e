/**
 * src/evaluate/views/view-data.generated.ts: the TypeScript type of each view's data, generated
 * from the view catalogue (rules/view-catalogue.ts) so that a field is declared once. A builder
 * that sets a field the catalogue does not declare, or a value of another type, does not compile.
 *
 * A field's `type` is written as the docs show it; the names it uses are those below (where the
 * type lives), or, for an array of records whose fields the catalogue declares one by one
 * (`TrailSummary[]`, `FilterFacts[]`), a type generated from those fields. Object types, not
 * interfaces: the condition interpreter reads any view's data as JSON (`Record<string, unknown>`).
 */
import type { ResourceType } from '../rules/types.js';
import { VIEWS, type FieldGroup, type FieldSpec } from '../rules/view-catalogue.js';

const INVENTORY = '../../inventory/types.js';
const DERIVED = (module: string) => `./derived/${module}.js`;

/** Type names the catalogue uses, and the TypeScript type each stands for. */
const NAMED: Record<string, { from: string; is?: string }> = {
  Trail: { from: INVENTORY, is: "TrailRecord['Trail']" },
  GetTrailStatusResponse: { from: INVENTORY, is: "NonNullable<TrailRecord['Status']>" },
  EventSelector: { from: INVENTORY },
  AdvancedEventSelector: { from: INVENTORY },
  InsightSelector: { from: INVENTORY, is: "NonNullable<TrailRecord['InsightSelectors']>[number]" },
  Tag: { from: INVENTORY, is: "NonNullable<TrailRecord['Tags']>[number]" },
  BucketRecord: { from: INVENTORY },
  PolicyDocument: { from: INVENTORY },
  PolicyStatus: { from: INVENTORY, is: "NonNullable<BucketRecord['PolicyStatus']>" },
  AccessControlPolicy: { from: INVENTORY, is: "NonNullable<BucketRecord['Acl']>" },
  OwnershipControls: { from: INVENTORY, is: "NonNullable<BucketRecord['OwnershipControls']>" },
  ServerSideEncryptionConfiguration: { from: INVENTORY, is: "NonNullable<BucketRecord['Encryption']>" },
  LifecycleRule: { from: INVENTORY },
  VersioningConfiguration: { from: INVENTORY, is: "NonNullable<BucketRecord['Versioning']>" },
  PublicAccessBlockConfiguration: { from: INVENTORY },
  ObjectLockConfiguration: { from: INVENTORY, is: "NonNullable<BucketRecord['ObjectLock']>" },
  LoggingEnabled: { from: INVENTORY, is: "NonNullable<BucketRecord['Logging']>" },
  ReplicationConfiguration: { from: INVENTORY, is: "NonNullable<BucketRecord['Replication']>" },
  KeyRecord: { from: INVENTORY },
  KeyMetadata: { from: INVENTORY, is: "KeyRecord['KeyMetadata']" },
  LogGroup: { from: INVENTORY, is: "LogGroupRecord['LogGroup']" },
  MetricFilter: { from: INVENTORY },
  MetricTransformation: { from: INVENTORY, is: "NonNullable<MetricFilter['metricTransformations']>[number]" },
  Subscription: { from: INVENTORY, is: "NonNullable<TopicRecord['Subscriptions']>[number]" },
  Organization: { from: INVENTORY, is: "NonNullable<OrganizationInventory['Organization']>" },
  Account: { from: INVENTORY, is: 'OrgAccount' },
  Root: { from: INVENTORY, is: "NonNullable<OrganizationInventory['Roots']>[number]" },
  OrganizationalUnit: { from: INVENTORY, is: "NonNullable<OrganizationInventory['OrganizationalUnits']>[number]" },
  EnabledServicePrincipal: { from: INVENTORY, is: "NonNullable<OrganizationInventory['EnabledServicePrincipals']>[number]" },
  DelegatedAdministrator: { from: INVENTORY, is: "NonNullable<OrganizationInventory['DelegatedAdministrators']>[string][number]" },
  Policy: { from: INVENTORY, is: "NonNullable<OrganizationInventory['Policies']>[number]" },
  EventDataStore: { from: INVENTORY, is: 'EventDataStoreRecord' },
  S3DataEvents: { from: DERIVED('data-events') },
  DataEventType: { from: DERIVED('data-events') },
  ManagementEvents: { from: DERIVED('management-events') },
  BucketPolicyFacts: { from: DERIVED('bucket-policy') },
  ControlFacts: { from: DERIVED('monitoring') },
  EventBridgeOutcome: { from: DERIVED('monitoring-eventbridge') },
  ConfigRecorderFacts: { from: DERIVED('config-recorders') },
  FlowLogFacts: { from: DERIVED('flow-logs') },
  SecurityHubFacts: { from: DERIVED('security-hub') },
  AccountReach: { from: DERIVED('organization-reach') },
  CloudTrailScpFacts: { from: DERIVED('scp-cloudtrail'), is: 'CloudTrailScp' },
  AccountS3DataEvents: { from: './account.js' },
};

/** The generated type of each view's data. */
export const VIEW_DATA_TYPES: Readonly<Record<ResourceType, string>> = {
  trail: 'TrailViewData',
  account: 'AccountViewData',
  organization: 'OrganizationViewData',
  bucket: 'BucketViewData',
  key: 'KeyViewData',
  'event-data-store': 'EventDataStoreViewData',
  'log-group': 'LogGroupViewData',
};

/** A path's tree: properties by name, the elements of an array (`[]`), and the field declared there. */
interface Node {
  field?: FieldSpec;
  props: Map<string, Node>;
  elements?: Node;
  /** The root of a group mounted at an array's elements: each element carries its own `$errors`. */
  ownErrors?: boolean;
  /** The top of a joined record (Mount.joined): may be absent whatever it holds. */
  joined?: boolean;
}

const node = (): Node => ({ props: new Map() });

function place(root: Node, path: string): Node {
  let at = root;
  for (const part of path.split('.')) {
    const array = part.endsWith('[]');
    const name = array ? part.slice(0, -2) : part;
    let next = at.props.get(name);
    if (!next) at.props.set(name, (next = node()));
    at = array ? (next.elements ??= node()) : next;
  }
  return at;
}

function tree(mounts: ReadonlyArray<{ group: FieldGroup; at?: string; joined?: true }>): Node {
  const root = node();
  for (const { group, at, joined } of mounts) {
    if (at?.endsWith('[].')) place(root, at.slice(0, -1)).ownErrors = true;
    for (const field of group.fields) {
      const path = `${at ?? ''}${field.path}`;
      place(root, path).field = field;
      if (joined) place(root, path.split('.')[0]!).joined = true;
    }
  }
  return root;
}

/** The node holds a field every view has: its property, and those of the objects holding it, are not optional. */
function always(n: Node): boolean {
  if (n.joined) return false;
  return n.field ? n.field.always === true : [...n.props.values()].some(always);
}

/** The type names a TypeScript type uses (not the quoted property names of an indexed access). */
function identifiers(type: string): string[] {
  return type.replace(/'[^']*'/g, '').match(/\b[A-Z]\w*\b/g) ?? [];
}

class Emitter {
  readonly interfaces = new Map<string, string>();
  readonly used = new Set<string>();

  /** The TypeScript type of a node (nested objects indented by `indent`). */
  typeOf(n: Node, indent: string): string {
    const declared = n.field?.type;
    if (declared && declared !== 'object') {
      const element = /^([A-Z]\w*)\[\]$/.exec(declared)?.[1];
      // An array of records whose fields are declared one by one: their interface, generated.
      if (element && !NAMED[element] && n.elements) {
        this.declare(element, n.elements);
        return declared;
      }
      for (const name of identifiers(declared)) if (NAMED[name]) this.used.add(name);
      return declared;
    }
    return this.object(n, indent);
  }

  object(n: Node, indent = ''): string {
    const inner = `${indent}  `;
    const lines = [...n.props].map(([name, child]) => (always(child) ? `${inner}${name}: ${this.typeOf(child, inner)};` : `${inner}${name}?: ${this.typeOf(child, inner)} | undefined;`));
    if (n.ownErrors) lines.push(`${inner}$errors: SectionErrors;`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }

  declare(name: string, n: Node): void {
    const body = this.object(n);
    const existing = this.interfaces.get(name);
    if (existing !== undefined && existing !== body) throw new Error(`view catalogue: ${name} is declared with different fields in two views`);
    this.interfaces.set(name, body);
  }
}

export function renderViewDataTypes(): string {
  const emit = new Emitter();
  const views: string[] = [];
  for (const [view, name] of Object.entries(VIEW_DATA_TYPES) as Array<[ResourceType, string]>) {
    const root = tree(VIEWS[view].mounts);
    const body = emit.object(root).replace(/\n}$/, '\n  $errors: SectionErrors;\n  $partial?: SectionErrors;\n}');
    views.push(`/** The ${view} view's data (docs/views.md). */\nexport type ${name} = ${body};\n`);
  }
  const imports = new Map<string, Set<string>>();
  const aliases: string[] = [];
  for (const name of [...emit.used].sort()) {
    const { from, is } = NAMED[name]!;
    const set = imports.get(from) ?? new Set<string>();
    for (const id of identifiers(is ?? name)) if (id !== 'NonNullable') set.add(id);
    imports.set(from, set);
    if (is && is !== name) aliases.push(`type ${name} = ${is};\n`);
  }
  const importLines = [...imports].sort(([a], [b]) => a.localeCompare(b)).map(([from, names]) => `import type { ${[...names].sort().join(', ')} } from '${from}';\n`);
  const interfaces = [...emit.interfaces].sort(([a], [b]) => a.localeCompare(b)).map(([name, body]) => `export type ${name} = ${body};\n`);
  return [
    '// Generated from src/rules/view-catalogue.ts by `npm run docs` (src/docs/view-types.ts): do not edit.\n',
    "import type { SectionErrors } from './derived/errors.js';\n",
    ...importLines,
    '\n',
    ...aliases,
    '\n',
    [...interfaces, ...views].join('\n'),
  ].join('');
}
