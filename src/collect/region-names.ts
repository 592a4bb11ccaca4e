/**
 * Region names as the AWS SDK that trailguard ships knows them, per partition, so that a
 * misspelt --region or --regions is an input error with a suggestion instead of a silently
 * empty scan. The SDK exposes its partition table only through `partition(name)`, which says
 * whether a name is one of its listed regions (it then carries a description); the listed
 * names are found by asking it about every name of AWS's naming scheme.
 */
import { partition } from '@aws-sdk/core/client';
import { InputError } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { visible } from '../util/visible-text.js';

const AREAS = ['us', 'eu', 'ap', 'sa', 'ca', 'me', 'af', 'il', 'mx', 'cn', 'us-gov', 'us-iso', 'us-isob', 'eu-isoe', 'us-isof'];
const DIRECTIONS = ['east', 'west', 'north', 'south', 'central', 'northeast', 'northwest', 'southeast', 'southwest'];

let known: Map<string, string> | undefined;

/** Every region name the SDK lists → its partition (aws, aws-cn, aws-us-gov, ...). */
export function knownRegions(): ReadonlyMap<string, string> {
  if (!known) {
    known = new Map();
    for (const area of AREAS) {
      for (const direction of DIRECTIONS) {
        for (let n = 1; n <= 9; n++) {
          const name = `${area}-${direction}-${n}`;
          const info = partition(name) as { name: string; description?: string };
          if (info.description) known.set(name, info.name);
        }
      }
    }
  }
  return known;
}

/**
 * Throws an input error unless `name` is a region of the partition (any partition when not yet
 * known). `flag` names where the value came from, for the message.
 */
export function checkRegionName(name: string, flag: string, partitionName?: string): void {
  const regions = knownRegions();
  const found = regions.get(name);
  if (found === undefined) {
    const candidates = [...regions].filter(([, p]) => !partitionName || p === partitionName).map(([r]) => r);
    throw new InputError(`${flag}: "${visible(name)}" is not an AWS region name${didYouMean(name, candidates)}`);
  }
  if (partitionName && found !== partitionName) {
    throw new InputError(`${flag}: ${name} is a region of the ${found} partition, but the credentials are for ${partitionName}`);
  }
}
