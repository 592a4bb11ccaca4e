/** `--fail-on` and `--severity` values: a severity in any case (`HIGH`, `High`, `high`), as Trivy and Checkov accept them. */
import { InvalidArgumentError } from 'commander';
import { SEVERITIES, type Severity } from '../rules/types.js';

export function parseSeverity(value: string): Severity {
  const severity = value.trim().toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(severity)) {
    throw new InvalidArgumentError(`"${value}" is not a severity (expected one of ${SEVERITIES.join(', ')}, in any case)`);
  }
  return severity as Severity;
}
