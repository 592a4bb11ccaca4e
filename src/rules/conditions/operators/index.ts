/** The closed set of leaf operators, by the name rules use. */
import { arnLike } from './arn-like.js';
import { contains } from './contains.js';
import { disjoint } from './disjoint.js';
import { empty } from './empty.js';
import { endsWith } from './ends-with.js';
import { equals } from './equals.js';
import { exists } from './exists.js';
import { gt } from './gt.js';
import { gte } from './gte.js';
import { inOperator } from './in.js';
import { intersects } from './intersects.js';
import { isFalse } from './is-false.js';
import { isTrue } from './is-true.js';
import { lt } from './lt.js';
import { lte } from './lte.js';
import { matches } from './matches.js';
import { newerThanDays } from './newer-than-days.js';
import { notEmpty } from './not-empty.js';
import { notEquals } from './not-equals.js';
import { notExists } from './not-exists.js';
import { notIn } from './not-in.js';
import type { Operator } from './operator.js';
import { olderThanDays } from './older-than-days.js';
import { startsWith } from './starts-with.js';
import { subsetOf } from './subset-of.js';
import { supersetOf } from './superset-of.js';

export const OPERATORS: ReadonlyMap<string, Operator> = new Map(
  [
    equals,
    notEquals,
    inOperator,
    notIn,
    isTrue,
    isFalse,
    exists,
    notExists,
    empty,
    notEmpty,
    gt,
    gte,
    lt,
    lte,
    olderThanDays,
    newerThanDays,
    startsWith,
    endsWith,
    contains,
    matches,
    subsetOf,
    supersetOf,
    intersects,
    disjoint,
    arnLike,
  ].map((op) => [op.name, op]),
);
