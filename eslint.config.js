import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'reports/**', 'node_modules/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Type-aware rules need the program: tsconfig.json covers src, test, bench and the vitest configs
      // (one program for all files: a quarter less CPU and a third less memory than projectService).
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // Promise.all over values already known mixed with reads still to do (a sweep reuses trails read once) is deliberate.
      '@typescript-eslint/await-thenable': ['error', { allowMixedPromiseArrays: true }],
      // async is how Promise-returning interfaces are implemented here (signers, bundle readers, test doubles), await or not.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['test/**'],
    // Tests check parsed output (JSON.parse is any) with expect(), and vitest's asymmetric matchers are typed any.
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Plain JS files (this config) are not in tsconfig.json: no type information for them.
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
);
