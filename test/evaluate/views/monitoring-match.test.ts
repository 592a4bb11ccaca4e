import { describe, expect, it } from 'vitest';
import { CIS_VERSIONS, MONITORING_CONTROLS, type ControlVariant } from '../../../src/evaluate/views/derived/cis-monitoring-controls.js';
import { filterImplements, STRICTNESS_LEVELS } from '../../../src/evaluate/views/derived/monitoring-match.js';

function variant(key: string): ControlVariant {
  const found = MONITORING_CONTROLS.flatMap((c) => c.variants).find((v) => v.key === key);
  if (!found) throw new Error(key);
  return found;
}
const verdicts = (pattern: string, key: string) => Object.fromEntries(STRICTNESS_LEVELS.map((s) => [s, filterImplements(pattern, variant(key), s)]));

describe('the CIS monitoring controls data', () => {
  it('has 15 controls, and every CIS version maps to exactly one variant of each', () => {
    expect(MONITORING_CONTROLS).toHaveLength(15);
    for (const control of MONITORING_CONTROLS) {
      for (const version of CIS_VERSIONS)
        expect(
          control.variants.filter((v) => v.cisVersions.includes(version)),
          `${control.id} ${version}`,
        ).toHaveLength(1);
    }
  });

  it('every prescribed pattern implements its own variant at every strictness', () => {
    for (const v of MONITORING_CONTROLS.flatMap((c) => c.variants)) {
      for (const p of v.patterns) for (const s of STRICTNESS_LEVELS) expect(filterImplements(p, v, s), `${v.key} ${s}: ${p}`).toBe(true);
    }
  });

  it('a match-everything filter implements no control', () => {
    for (const v of MONITORING_CONTROLS.flatMap((c) => c.variants)) {
      for (const s of STRICTNESS_LEVELS) expect(filterImplements('{ $.eventName = * }', v, s), v.key).toBe(false);
    }
  });
});

describe('strictness levels', () => {
  it('another order, quoting and whitespace pass all three', () => {
    expect(
      verdicts(
        '{($.eventName="StopLogging")||($.eventName=StartLogging)||  ($.eventName = DeleteTrail)||($.eventName=UpdateTrail) || ($.eventName = "CreateTrail")}',
        'cloudtrail-config-changes',
      ),
    ).toEqual({ 'exact-cis': true, 'superset-ok': true, 'covers-events': true });
  });

  it('extra OR-ed event names pass superset-ok and covers-events, not exact-cis', () => {
    expect(
      verdicts(
        '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) || ($.eventName = PutEventSelectors) }',
        'cloudtrail-config-changes',
      ),
    ).toEqual({ 'exact-cis': false, 'superset-ok': true, 'covers-events': true });
  });

  it('a wildcard that catches the same events passes covers-events only', () => {
    expect(verdicts('{ ($.eventSource = kms.amazonaws.com) && (($.eventName = Disable*) || ($.eventName = ScheduleKeyDeletion)) }', 'cmk-disable-delete')).toEqual({
      'exact-cis': false,
      'superset-ok': false,
      'covers-events': true,
    });
  });

  it('the eventSource clause factored differently passes covers-events only', () => {
    expect(
      verdicts(
        '{ (($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey)) || (($.eventSource = kms.amazonaws.com) && ($.eventName = ScheduleKeyDeletion)) }',
        'cmk-disable-delete',
      ),
    ).toEqual({ 'exact-cis': false, 'superset-ok': false, 'covers-events': true });
  });

  it('a missing event name fails all three', () => {
    expect(verdicts('{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }', 'cloudtrail-config-changes')).toEqual({
      'exact-cis': false,
      'superset-ok': false,
      'covers-events': false,
    });
  });

  it('CreateRoute does not stand for CreateRouteTable (no prefix matching)', () => {
    const text =
      '{ ($.eventName = CreateRoute) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }';
    expect(filterImplements(text, variant('route-table-changes'), 'covers-events')).toBe(false);
  });

  it('the route-table pattern, with or without CIS precedence quirk, is exact', () => {
    const names = ['CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable'].map(
      (n) => `($.eventName = "${n}")`,
    );
    expect(filterImplements(`{ ($.eventSource = "ec2.amazonaws.com") && (${names.reverse().join('||')}) }`, variant('route-table-changes'), 'exact-cis')).toBe(true);
  });

  it('dropping a negative condition fails covers-events (MFAUsed != Yes, invokedBy NOT EXISTS)', () => {
    expect(verdicts('{ $.eventName = "ConsoleLogin" }', 'console-signin-no-mfa')['covers-events']).toBe(false);
    expect(verdicts('{ $.userIdentity.type = "Root" && $.eventType != "AwsServiceEvent" }', 'root-usage')['covers-events']).toBe(false);
    expect(verdicts('{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS }', 'root-usage')['covers-events']).toBe(false);
  });

  it('MFAUsed = No is accepted by meaning, not by text', () => {
    expect(verdicts('{ $.eventName = ConsoleLogin && $.additionalEventData.MFAUsed = "No" }', 'console-signin-no-mfa')).toEqual({
      'exact-cis': false,
      'superset-ok': false,
      'covers-events': true,
    });
  });

  it('unauthorized calls: the v3 pattern is not enough for CIS v4+, the v4 one is enough for v3 by meaning', () => {
    const v3 = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }';
    expect(verdicts(v3, 'unauthorized-api-calls-cis4')).toEqual({ 'exact-cis': false, 'superset-ok': false, 'covers-events': false });
    const v4grouped =
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';
    expect(verdicts(v4grouped, 'unauthorized-api-calls-cis4')).toEqual({ 'exact-cis': false, 'superset-ok': false, 'covers-events': true });
    expect(verdicts(v4grouped, 'unauthorized-api-calls-cis3')['covers-events']).toBe(true);
  });

  it('security groups: CIS 5.0.0 needs ModifySecurityGroupRules, 3.0.0 does not', () => {
    const six =
      '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }';
    expect(verdicts(six, 'security-group-changes-cis3')).toEqual({ 'exact-cis': true, 'superset-ok': true, 'covers-events': true });
    expect(verdicts(six, 'security-group-changes-cis5')).toEqual({ 'exact-cis': false, 'superset-ok': false, 'covers-events': false });
  });

  it('a pattern that does not parse implements nothing', () => {
    for (const s of STRICTNESS_LEVELS) expect(filterImplements('{ ($.eventName = CreateTrail ', variant('cloudtrail-config-changes'), s)).toBe(false);
    expect(filterImplements(undefined, variant('cloudtrail-config-changes'), 'covers-events')).toBe(false);
  });
});

describe('real-world patterns', () => {
  it('a landing-zone root-usage pattern (no spaces around =, != with a space) is the CIS pattern', () => {
    expect(verdicts('{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}', 'root-usage')).toEqual({
      'exact-cis': true,
      'superset-ok': true,
      'covers-events': true,
    });
  });

  it('a Terraform-module unauthorized-calls pattern is exact for CIS 3.0.0 only', () => {
    const text = '{($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")}';
    expect(filterImplements(text, variant('unauthorized-api-calls-cis3'), 'exact-cis')).toBe(true);
    expect(filterImplements(text, variant('unauthorized-api-calls-cis4'), 'exact-cis')).toBe(false);
  });

  it('a blog pattern with a typo (*UnauthorizedAccess) misses EC2 denials', () => {
    expect(verdicts('{ ($.errorCode = "*UnauthorizedAccess") || ($.errorCode = "AccessDenied*") }', 'unauthorized-api-calls-cis3')['covers-events']).toBe(false);
  });

  it('the CIS 1.x sign-in pattern (mfaAuthenticated, invokedBy signin) does not catch a ConsoleLogin record without MFA', () => {
    expect(
      verdicts('{ $.userIdentity.sessionContext.attributes.mfaAuthenticated != "true" && $.userIdentity.invokedBy = "signin.amazonaws.com" }', 'console-signin-no-mfa')['covers-events'],
    ).toBe(false);
  });

  it('the AWS CloudTrail guide security-group example is exact for CIS 3.0.0/4.0.1', () => {
    const text =
      '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }';
    expect(filterImplements(text, variant('security-group-changes-cis3'), 'exact-cis')).toBe(true);
  });

  it('an eventSource-only filter catches every event but also the benign ones', () => {
    expect(verdicts('{ $.eventSource = "cloudtrail.amazonaws.com" }', 'cloudtrail-config-changes')['covers-events']).toBe(false);
  });
});
