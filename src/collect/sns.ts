/** SNS: who is subscribed to the topics monitoring alarms notify. */
import { ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import type { TopicRecord } from '../inventory/types.js';
import { arnRegion, plain } from './plain.js';
import { paginate, type Session } from './session.js';

export async function collectTopic(session: Session, topicArn: string): Promise<TopicRecord> {
  const region = arnRegion(topicArn) ?? session.globalRegion;
  const sns = session.clients.get(SNSClient, region);
  const listed = await paginate(
    session,
    { service: 'sns', operation: 'ListSubscriptionsByTopic', region, resource: topicArn, params: { TopicArn: topicArn } },
    (NextToken) => sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken })),
    (o) => o.NextToken,
    (o) => o.Subscriptions,
  );
  return listed.complete ? { TopicArn: topicArn, Subscriptions: plain(listed.items) } : { TopicArn: topicArn };
}
