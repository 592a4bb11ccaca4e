import { describe, expect, it } from 'vitest';
import { cli, locations } from '../helpers/cli.js';

const M = 'test/fixtures/rules/malformed';
const validate = (...dirs: string[]) => cli(['rules', 'validate', '--no-builtin', ...dirs.flatMap((d) => ['--rules', `${M}/${d}`])]);

describe('trailguard rules validate: a malformed rule exits 2 with one file:line:col line per problem', () => {
  it.each([
    ['bad YAML', 'bad-yaml', '15:1', /Flow sequence .* end with a \]/],
    ['unknown key, with a suggestion', 'unknown-key', '5:1', /unknown key `serverity`; did you mean `severity`\?$/],
    ['unknown operator, with a suggestion', 'unknown-operator', '14:7', /unknown operator `equal`; did you mean `equals`\?$/],
    ['bad regex', 'bad-regex', '15:10', /invalid regular expression "org-\(trail"/],
    ['bad JMESPath', 'bad-jmespath', '13:10', /invalid JMESPath `Trail\.\[\?Name==`/],
    ['wrong operand type', 'wrong-type', '15:10', /`gt` needs a number or string value, found boolean true$/],
    [
      'remediation placeholder naming no field of the view',
      'bad-placeholder',
      '11:8',
      /placeholder `\{\{Trial\.Name\}\}` names no field of the trail view: `Trial\.Name` is not a field of the trail view/,
    ],
    ['id different from the file name', 'id-mismatch', '3:5', /rule id `cloudtrail-other-name` must equal the file name stem `cloudtrail-id-mismatch`$/],
    // Every path is checked against the view catalogue, AWS records against the inventory schema.
    ['misspelt path', 'misspelt-path', '13:9', /`Trail` has no field `LogFileValidatonEnabled`; did you mean `LogFileValidationEnabled`\?/],
    ['misspelt path inside a quantifier', 'misspelt-element-path', '15:11', /`derived\.trails\[\]\.Status` has no field `IsLoging`; did you mean `IsLogging`\?/],
    // A trail summary carries the trail's configuration, status and facts, not its raw selectors.
    ['a trail-view field read through a summary', 'summary-selectors', '15:11', /`derived\.trails\[\]\.EventSelectors` is not a field of the account view/],
    ['JMESPath reading an undeclared field', 'undeclared-query', '13:10', /`derived\.s3DataEvent\.buckets` is not a field of the account view; did you mean `derived\.s3DataEvents`\?/],
  ])('%s', async (_, dir, at, message) => {
    const { code, out, err } = await validate(dir);
    expect(code).toBe(2);
    expect(out).toBe('');
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(locations(err)).toEqual([`${M}/${dir}/cloudtrail-${dir}.yaml:${at}`]);
    expect(lines[0]).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a duplicate id across folders names both files', async () => {
    const { code, err } = await validate('duplicate-id/a', 'duplicate-id/b');
    expect(code).toBe(2);
    expect(err.trim()).toBe(
      `${M}/duplicate-id/b/cloudtrail-duplicate-id.yaml:3:5: duplicate rule id \`cloudtrail-duplicate-id\`: ` + `also defined at ${M}/duplicate-id/a/cloudtrail-duplicate-id.yaml:3:5`,
    );
  });

  it('collects the problems of every file before exiting', async () => {
    const { code, err } = await validate('unknown-operator', 'bad-regex', 'id-mismatch');
    expect(code).toBe(2);
    expect(locations(err)).toEqual([
      `${M}/bad-regex/cloudtrail-bad-regex.yaml:15:10`,
      `${M}/id-mismatch/cloudtrail-id-mismatch.yaml:3:5`,
      `${M}/unknown-operator/cloudtrail-unknown-operator.yaml:14:7`,
    ]);
  });

  it('a folder that does not exist is bad input', async () => {
    const { code, err } = await validate('no-such-folder');
    expect(code).toBe(2);
    expect(err).toContain(`${M}/no-such-folder: rule folder not found`);
  });

  it('accepts a single rule file', async () => {
    const { code, err } = await cli(['rules', 'validate', '--no-builtin', '--rules', `${M}/bad-regex/cloudtrail-bad-regex.yaml`]);
    expect(code).toBe(2);
    expect(locations(err)).toEqual([`${M}/bad-regex/cloudtrail-bad-regex.yaml:15:10`]);
  });

  it('valid rules: exit 0 and "N rules OK"', async () => {
    const { code, out } = await cli(['rules', 'validate', '--no-builtin', '--rules', 'test/fixtures/rules/valid']);
    expect(code).toBe(0);
    expect(out).toBe('2 rules OK\n');
  });
});
