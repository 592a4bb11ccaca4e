/** Every CLI command, one module each; add new commands here. */
import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { registerCollect } from './collect.js';
import { registerDemo } from './demo.js';
import { registerDiff } from './diff.js';
import { registerEvaluate } from './evaluate.js';
import { registerEvidence } from './evidence.js';
import { registerIac } from './iac.js';
import { registerMerge } from './merge.js';
import { registerReport } from './report.js';
import { registerPermissions } from './permissions.js';
import { registerPlan } from './plan.js';
import { registerRules } from './rules.js';
import { registerScan } from './scan.js';
import { registerSimulate } from './simulate.js';
import { registerVerifyLogs } from './verify-logs.js';

export type Register = (program: Command, ctx: CommandContext) => void;

export const COMMANDS: Register[] = [registerScan, registerIac, registerDemo, registerRules, registerEvaluate, registerCollect, registerEvidence, registerVerifyLogs, registerReport, registerDiff, registerMerge, registerPlan, registerPermissions, registerSimulate];
