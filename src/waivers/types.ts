/** Waivers: accepted failures with a reason, an owner and an expiry (schemas/waivers.schema.json). */
import type { SourceLocation } from '../rules/types.js';

export interface Waiver {
  id: string;
  /** Rule ids, exact or `*` globs. */
  rules: string[];
  /** Absent: every account. */
  accounts?: string[];
  /** Absent: every region. */
  regions?: string[];
  /** Resource ARNs, exact or `*` globs. Absent: every resource. */
  resources?: string[];
  reason: string;
  owner: string;
  ticket?: string;
  approved_by?: string;
  created?: string;
  expires: string;
  location: SourceLocation;
}
