// `npm run lint` (part of `npm test`). Formatting is not linted here: the code keeps its own
// layout, and the import layers are checked by dependency-cruiser (.dependency-cruiser.cjs).
import js from '@eslint/js'
import { importX } from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
	{
		ignores: [
			'node_modules/',
			'build/',
			'.react-router/',
			'app/generated/',
			'playwright-report/',
			'test-results/',
			'data/',
			'public/',
			'.cache/',
		],
	},
	js.configs.recommended,
	tseslint.configs.recommended,
	{
		files: ['**/*.{js,cjs}'],
		languageOptions: { globals: globals.node },
	},
	{
		rules: {
			// Input sanitising (CSV cells, e-mail headers, redirects, names) matches control characters on purpose.
			'no-control-regex': 'off',
		},
	},
	{
		files: ['**/*.{ts,tsx}'],
		plugins: { 'import-x': importX },
		languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
		rules: {
			// TypeScript checks names and globals.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{
					argsIgnorePattern: '^_',
					varsIgnorePattern: '^_',
					destructuredArrayIgnorePattern: '^_',
					ignoreRestSiblings: true,
				},
			],
			'@typescript-eslint/consistent-type-imports': [
				'error',
				{ fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
			],
			'import-x/no-duplicates': ['error', { 'prefer-inline': true }],
			'import-x/first': 'error',
			'import-x/order': [
				'error',
				{
					groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
					pathGroups: [{ pattern: '#*/**', group: 'internal' }],
					pathGroupsExcludedImportTypes: ['builtin'],
					'newlines-between': 'never',
				},
			],
		},
	},
	{
		files: ['app/**/*.tsx'],
		...reactHooks.configs.flat['recommended-latest'],
	},
	{
		files: ['app/**/*.tsx'],
		...jsxA11y.flatConfigs.recommended,
	},
	{
		files: ['app/**/*.tsx'],
		rules: {
			// A box that scrolls on its own (a wide table, a long code line) takes focus so the keyboard can
			// scroll it (WCAG 2.1.1, axe's scrollable-region-focusable); it is a named region.
			'jsx-a11y/no-noninteractive-tabindex': [
				'error',
				{ tags: ['pre'], roles: ['tabpanel', 'region'], allowExpressionValues: true },
			],
		},
	},
)
