/**
 * AWS Config (AWS JSON 1.1): the region's customer-managed configuration recorder and its
 * status. A region without a recorder answers empty lists; naming a recorder that does not
 * exist is NoSuchConfigurationRecorderException, as in AWS.
 */
import { epoch, type Ctx } from '../context.js';
import { SimError } from '../errors.js';
import type { JsonInput } from '../protocols/aws-json.js';
import { hex } from '../world/model.js';
import type { ConfigurationRecorderSpec } from '../world/spec.js';

function recordersIn(ctx: Ctx, input: JsonInput): Array<{ spec: ConfigurationRecorderSpec; name: string; arn: string }> {
  const all = (ctx.account.spec.configurationRecorders ?? [])
    .filter((r) => r.Region === ctx.region)
    .map((spec) => {
      const name = spec.name ?? 'default';
      return { spec, name, arn: `arn:aws:config:${ctx.region}:${ctx.account.id}:configuration-recorder/${name}/${hex(`${ctx.account.id}/${ctx.region}/${name}`).slice(0, 16)}` };
    });
  const names = input.ConfigurationRecorderNames as string[] | undefined;
  const arn = input.Arn as string | undefined;
  if (!names?.length && !arn) return all;
  const wanted = all.filter((r) => names?.includes(r.name) || r.arn === arn);
  const missing = names?.find((n) => !all.some((r) => r.name === n)) ?? (arn && !wanted.length ? arn : undefined);
  if (missing) throw new SimError('NoSuchConfigurationRecorderException', `Cannot find configuration recorder with the specified name '${missing}'.`);
  return wanted;
}

export const configservice = {
  DescribeConfigurationRecorders(ctx: Ctx, input: JsonInput) {
    return {
      ConfigurationRecorders: recordersIn(ctx, input).map(({ spec, name, arn }) => ({
        arn,
        name,
        roleARN: spec.roleARN ?? `arn:aws:iam::${ctx.account.id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
        recordingGroup: {
          allSupported: spec.recordingGroup?.allSupported ?? true,
          includeGlobalResourceTypes: spec.recordingGroup?.includeGlobalResourceTypes ?? false,
          resourceTypes: spec.recordingGroup?.resourceTypes ?? [],
          exclusionByResourceTypes: { resourceTypes: spec.recordingGroup?.exclusionByResourceTypes?.resourceTypes ?? [] },
          recordingStrategy: { useOnly: spec.recordingGroup?.recordingStrategy?.useOnly ?? 'ALL_SUPPORTED_RESOURCE_TYPES' },
        },
        recordingMode: { recordingFrequency: spec.recordingMode?.recordingFrequency ?? 'CONTINUOUS', recordingModeOverrides: spec.recordingMode?.recordingModeOverrides ?? [] },
        recordingScope: 'PAID',
      })),
    };
  },

  DescribeConfigurationRecorderStatus(ctx: Ctx, input: JsonInput) {
    return {
      ConfigurationRecordersStatus: recordersIn(ctx, input).map(({ spec, name, arn }) => {
        const s = spec.status ?? {};
        const recording = s.recording ?? true;
        return {
          arn,
          name,
          recording,
          lastStatus: s.lastStatus ?? 'Success',
          lastStartTime: epoch(s.lastStartTime ?? (recording ? '2024-01-01T00:00:00Z' : undefined)),
          lastStopTime: epoch(s.lastStopTime),
          lastStatusChangeTime: epoch(s.lastStatusChangeTime ?? s.lastStartTime ?? '2024-01-01T00:00:00Z'),
          lastErrorCode: s.lastErrorCode,
          lastErrorMessage: s.lastErrorMessage,
        };
      }),
    };
  },
};
