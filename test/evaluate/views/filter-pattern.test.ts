import { describe, expect, it } from 'vitest';
import { canonicalKey } from '../../../src/evaluate/views/derived/filter-pattern/canonical.js';
import { containsPattern } from '../../../src/evaluate/views/derived/filter-pattern/contains.js';
import { matchesEvent } from '../../../src/evaluate/views/derived/filter-pattern/match-event.js';
import { parseFilterPattern } from '../../../src/evaluate/views/derived/filter-pattern/parse.js';
import type { PatternNode } from '../../../src/evaluate/views/derived/filter-pattern/syntax.js';

function tree(text: string): PatternNode {
  const result = parseFilterPattern(text);
  if (!result.ok) throw new Error(result.error);
  return result.tree;
}
const matches = (pattern: string, event: unknown) => matchesEvent(tree(pattern), event);

describe('parseFilterPattern', () => {
  it('parses comparisons with quoted and bare values', () => {
    expect(tree('{ $.eventName = "ConsoleLogin" }')).toEqual({ kind: 'compare', selector: '$.eventName', op: '=', value: { kind: 'text', text: 'ConsoleLogin', quoted: true } });
    expect(tree('{$.eventSource=kms.amazonaws.com}')).toEqual({ kind: 'compare', selector: '$.eventSource', op: '=', value: { kind: 'text', text: 'kms.amazonaws.com', quoted: false } });
  });

  it('gives && precedence over ||', () => {
    const t = tree('{ $.a = 1 || $.b = 2 && $.c = 3 }');
    expect(t.kind).toBe('or');
    expect((t as { children: PatternNode[] }).children[1]!.kind).toBe('and');
  });

  it('honours parentheses', () => {
    const t = tree('{ ($.a = 1 || $.b = 2) && $.c = 3 }');
    expect(t.kind).toBe('and');
  });

  it('reads NOT EXISTS, EXISTS, IS NULL, IS TRUE, IS FALSE, numeric comparators and %regex%', () => {
    expect(tree('{ $.userIdentity.invokedBy NOT EXISTS }')).toMatchObject({ kind: 'presence', test: 'not-exists' });
    expect(tree('{ $.x EXISTS }')).toMatchObject({ kind: 'presence', test: 'exists' });
    expect(tree('{ $.x IS NULL }')).toMatchObject({ kind: 'presence', test: 'null' });
    expect(tree('{ $.x is true }')).toMatchObject({ kind: 'presence', test: 'true' });
    expect(tree('{ $.x IS FALSE }')).toMatchObject({ kind: 'presence', test: 'false' });
    expect(tree('{ $.latency >= 1000 }')).toMatchObject({ kind: 'compare', op: '>=' });
    expect(tree('{ $.msg = %bind: addr[a-z]+% }')).toMatchObject({ kind: 'compare', value: { kind: 'regex', source: 'bind: addr[a-z]+' } });
  });

  it('parses every exact CIS pattern as printed, including the unparenthesised ones', () => {
    for (const text of [
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }',
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
      '{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }',
      '{ ($.eventSource = ec2.amazonaws.com) && ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) }',
    ])
      expect(parseFilterPattern(text).ok).toBe(true);
  });

  it('reports malformed and non-JSON patterns as not recognised, never throwing', () => {
    for (const text of [
      '',
      'ERROR',
      '[w1=ERROR, w2]',
      '{ $.eventName = ConsoleLogin',
      '{ ($.eventName = ConsoleLogin }',
      '{ $.eventName ConsoleLogin }',
      '{ $.eventName = "ConsoleLogin }',
      '{ $.a = 1 && }',
      '{ $.a = 1 } extra',
      '{ eventName = x }',
      '{ $.a IS MAYBE }',
      '{ $.a NOT THERE }',
      '{ $.a = %[% }',
    ]) {
      const result = parseFilterPattern(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^not a recognised pattern: /);
    }
  });
});

describe('matchesEvent', () => {
  const event = {
    eventName: 'ConsoleLogin',
    errorCode: 'Client.UnauthorizedOperation',
    latency: 1200,
    userIdentity: { type: 'Root' },
    additionalEventData: { MFAUsed: 'No' },
    resources: [{ ARN: 'arn:aws:s3:::a' }, { ARN: 'arn:aws:s3:::b' }],
    nothing: null,
    flag: true,
  };

  it('compares strings with * wildcards anywhere', () => {
    expect(matches('{ $.errorCode = "*UnauthorizedOperation" }', event)).toBe(true);
    expect(matches('{ $.errorCode = Client.* }', event)).toBe(true);
    expect(matches('{ $.errorCode = *author*tion }', event)).toBe(true);
    expect(matches('{ $.errorCode = "AccessDenied*" }', event)).toBe(false);
    expect(matches('{ $.eventName = consolelogin }', event)).toBe(false);
  });

  it('treats != as "present and different"', () => {
    expect(matches('{ $.additionalEventData.MFAUsed != "Yes" }', event)).toBe(true);
    expect(matches('{ $.additionalEventData.MFAUsed != No }', event)).toBe(false);
    expect(matches('{ $.missing != "Yes" }', event)).toBe(false);
  });

  it('tests presence and booleans', () => {
    expect(matches('{ $.userIdentity.invokedBy NOT EXISTS }', event)).toBe(true);
    expect(matches('{ $.userIdentity.type NOT EXISTS }', event)).toBe(false);
    expect(matches('{ $.nothing IS NULL }', event)).toBe(true);
    expect(matches('{ $.flag IS TRUE }', event)).toBe(true);
    expect(matches('{ $.flag IS FALSE }', event)).toBe(false);
  });

  it('compares numbers', () => {
    expect(matches('{ $.latency > 1000 }', event)).toBe(true);
    expect(matches('{ $.latency <= 1000 }', event)).toBe(false);
    expect(matches('{ $.latency = 1200.0 }', event)).toBe(true);
    expect(matches('{ $.eventName > 3 }', event)).toBe(false);
  });

  it('indexes arrays', () => {
    expect(matches('{ $.resources[1].ARN = "arn:aws:s3:::b" }', event)).toBe(true);
    expect(matches('{ $.resources[*].ARN = "arn:aws:s3:::b" }', event)).toBe(true);
    expect(matches('{ $.resources[0].ARN = "arn:aws:s3:::b" }', event)).toBe(false);
  });

  it('applies && before || (the CIS route-table pattern guards only its first event with eventSource)', () => {
    const pattern = '{ ($.eventSource = ec2.amazonaws.com) && ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) }';
    expect(matches(pattern, { eventSource: 'elsewhere', eventName: 'CreateRouteTable' })).toBe(true);
    expect(matches(pattern, { eventSource: 'elsewhere', eventName: 'CreateRoute' })).toBe(false);
  });

  it('matches regex values anywhere in the text', () => {
    expect(matches('{ $.errorCode = %Unauthori[sz]ed% }', event)).toBe(true);
  });
});

describe('canonicalKey', () => {
  it('ignores order, quoting, whitespace, redundant parentheses and duplicates', () => {
    const a = canonicalKey(tree('{ ($.eventName = "CreateTrail") || ($.eventName = UpdateTrail) }'));
    expect(canonicalKey(tree('{$.eventName=UpdateTrail||$.eventName=CreateTrail}'))).toBe(a);
    expect(canonicalKey(tree('{ (($.eventName = UpdateTrail)) || ($.eventName = CreateTrail || $.eventName = "UpdateTrail") }'))).toBe(a);
    expect(canonicalKey(tree('{ $.eventName = UpdateTrail && $.eventName = CreateTrail }'))).not.toBe(a);
    expect(canonicalKey(tree('{ $.eventName = CreateTrail || $.eventName = UpdateTrai }'))).not.toBe(a);
  });
});

describe('containsPattern', () => {
  const benchmark = tree('{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }');
  it('accepts extra OR-ed event names in any order', () => {
    expect(
      containsPattern(
        benchmark,
        tree('{ (($.eventName = ScheduleKeyDeletion) || ($.eventName = DisableKey) || ($.eventName = "DeleteImportedKeyMaterial")) && ($.eventSource = "kms.amazonaws.com") }'),
      ),
    ).toBe(true);
  });
  it('accepts the benchmark OR-ed with a wider alternative', () => {
    expect(
      containsPattern(benchmark, tree('{ (($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey || $.eventName = ScheduleKeyDeletion)) || $.eventName = StopLogging }')),
    ).toBe(true);
  });
  it('rejects a missing event name or an extra AND-ed clause', () => {
    expect(containsPattern(benchmark, tree('{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }'))).toBe(false);
    expect(containsPattern(benchmark, tree('{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey || $.eventName = ScheduleKeyDeletion) && ($.awsRegion = us-east-1) }'))).toBe(
      false,
    );
  });
});
