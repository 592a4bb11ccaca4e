/** SNS (AWS Query): topics and subscriptions of the caller's account, per region. */
import type { Ctx } from '../context.js';
import { SimError } from '../errors.js';
import { paginate } from '../paginate.js';
import type { QueryInput } from '../protocols/query.js';
import { deterministicUuid } from '../world/model.js';
import type { TopicSpec } from '../world/spec.js';

function topicArn(ctx: Ctx, t: TopicSpec): string {
  return `arn:aws:sns:${t.Region}:${ctx.account.id}:${t.Name}`;
}

function findTopic(ctx: Ctx, arn: string | undefined): TopicSpec {
  const [, , , region, accountId, name] = (arn ?? '').split(':');
  if (!arn || name === undefined) throw new SimError('InvalidParameter', `Invalid parameter: TopicArn ${arn ?? ''}`);
  if (accountId !== ctx.account.id) throw new SimError('AuthorizationError', `User: ${ctx.caller.arn} is not authorized to perform: SNS:GetTopicAttributes on resource: ${arn}`, 403);
  const topic = ctx.account.topics.find((t) => t.Region === region && t.Name === name);
  if (!topic || region !== ctx.region) throw new SimError('NotFound', 'Topic does not exist', 404);
  return topic;
}

function subscriptions(ctx: Ctx, t: TopicSpec) {
  const arn = topicArn(ctx, t);
  return (t.Subscriptions ?? []).map((s, i) => ({
    SubscriptionArn: s.Confirmed === false ? 'PendingConfirmation' : `${arn}:${deterministicUuid(`${arn}/${i}/${s.Endpoint}`)}`,
    Owner: ctx.account.id,
    Protocol: s.Protocol,
    Endpoint: s.Endpoint,
    TopicArn: arn,
  }));
}

export const sns = {
  ListTopics(ctx: Ctx, input: QueryInput) {
    const topics = ctx.account.topics
      .filter((t) => t.Region === ctx.region)
      .map((t) => topicArn(ctx, t))
      .sort();
    const page = paginate(topics, input.NextToken, undefined, 100, ctx.pageSize, 'InvalidParameter');
    return { Topics: { member: page.items.map((TopicArn) => ({ TopicArn })) }, NextToken: page.next };
  },

  GetTopicAttributes(ctx: Ctx, input: QueryInput) {
    const t = findTopic(ctx, input.TopicArn);
    const subs = subscriptions(ctx, t);
    const arn = topicArn(ctx, t);
    const policy =
      t.Policy === undefined
        ? JSON.stringify({
            Version: '2008-10-17',
            Id: '__default_policy_ID',
            Statement: [
              {
                Sid: '__default_statement_ID',
                Effect: 'Allow',
                Principal: { AWS: '*' },
                Action: ['SNS:GetTopicAttributes', 'SNS:Subscribe', 'SNS:Publish'],
                Resource: arn,
                Condition: { StringEquals: { 'AWS:SourceOwner': ctx.account.id } },
              },
            ],
          })
        : typeof t.Policy === 'string'
          ? t.Policy
          : JSON.stringify(t.Policy);
    const attributes: Record<string, string | undefined> = {
      TopicArn: arn,
      Owner: ctx.account.id,
      Policy: policy,
      DisplayName: t.DisplayName ?? '',
      SubscriptionsConfirmed: String(subs.filter((s) => s.SubscriptionArn !== 'PendingConfirmation').length),
      SubscriptionsPending: String(subs.filter((s) => s.SubscriptionArn === 'PendingConfirmation').length),
      SubscriptionsDeleted: '0',
      KmsMasterKeyId: t.KmsMasterKeyId,
    };
    const entry = Object.entries(attributes)
      .filter(([, v]) => v !== undefined)
      .map(([key, value]) => ({ key, value }));
    return { Attributes: { entry } };
  },

  ListSubscriptionsByTopic(ctx: Ctx, input: QueryInput) {
    const t = findTopic(ctx, input.TopicArn);
    const page = paginate(subscriptions(ctx, t), input.NextToken, undefined, 100, ctx.pageSize, 'InvalidParameter');
    return { Subscriptions: { member: page.items }, NextToken: page.next };
  },
};
