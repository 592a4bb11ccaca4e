/** The configuration file (trailguard.config.yaml), as validated by schemas/config.schema.json. */
import type { Severity } from '../rules/types.js';
import type { YamlFile } from '../documents/yaml-file.js';

/** "off", or the rule on with an optional severity and parameter values. */
export type RuleSetting = 'off' | { severity?: Severity; parameters?: Record<string, unknown> };

/** The file's keys as written. A new scan setting is one optional field here and one schema property. */
export interface ConfigFile {
  rules?: Record<string, RuleSetting>;
  overrides?: Array<{ accounts: string[]; rules: Record<string, RuleSetting> }>;
  rule_dirs?: string[];
  waivers?: string;
  /** The latest expiry a waiver may have, in days from the day it is loaded (default 365). */
  waiver_max_days?: number;
}

export interface Config {
  /** The file read (display path); undefined when no config file was given or found. */
  file?: string;
  settings: ConfigFile;
  /** `rule_dirs`, resolved against the config file's folder. */
  ruleDirs: string[];
  /** `waivers`, resolved against the config file's folder. */
  waiversFile?: string | undefined;
  /** The parsed file, so problems found against the rules can be located in it. */
  yaml?: YamlFile;
}

/** A rule's effective settings for one account. */
export interface EffectiveRuleSettings {
  enabled: boolean;
  severity: Severity;
  parameters: Record<string, unknown>;
}
