/**
 * Which operation names may change state, so the simulator refuses them and counts them.
 * Reads are recognised by their verb; anything else (Create*, Put*, Run*, Reboot*, and verbs
 * nobody listed yet) counts as mutating, so a new kind of write can't slip through unnoticed.
 */
const READ_VERBS = [
  'BatchGet',
  'Check',
  'Decrypt',
  'Describe',
  'Detect',
  'Discover',
  'Download',
  'Encrypt',
  'Estimate',
  'Evaluate',
  'Filter',
  'Generate',
  'Get',
  'Head',
  'List',
  'Lookup',
  'Preview',
  'Query',
  'Scan',
  'Search',
  'Select',
  'Sign',
  'Simulate',
  'Test',
  'Validate',
  'Verify',
  'View',
];

export function isMutating(operation: string): boolean {
  // Unrecognised REST paths are named "<METHOD> <path>".
  if (operation.startsWith('GET ') || operation.startsWith('HEAD ')) return false;
  return !READ_VERBS.some((verb) => operation.startsWith(verb) && /^[A-Z]?$/.test(operation.charAt(verb.length)));
}
