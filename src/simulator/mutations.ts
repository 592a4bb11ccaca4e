/** Which operation names change state, so the simulator refuses them and counts them. */
const MUTATING_PREFIXES = [
  'Accept', 'Add', 'Associate', 'Attach', 'Cancel', 'Close', 'Confirm', 'Create', 'Decline', 'Delete', 'Deregister',
  'Detach', 'Disable', 'Disassociate', 'Enable', 'Import', 'Invite', 'Leave', 'Modify', 'Move', 'Opt', 'Publish',
  'Put', 'Register', 'Remove', 'Replace', 'Reset', 'Restore', 'Retire', 'Revoke', 'Rotate', 'Schedule', 'Set',
  'Start', 'Stop', 'Subscribe', 'Tag', 'Terminate', 'Unsubscribe', 'Untag', 'Update', 'Upload', 'Copy',
];

export function isMutating(operation: string): boolean {
  return MUTATING_PREFIXES.some((p) => operation.startsWith(p) && /^[A-Z]?$/.test(operation.charAt(p.length)));
}
