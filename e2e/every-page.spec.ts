// Every page of the route manifest, for each of the five roles (and a visitor of the public site):
// WCAG 2.1 AA by axe at desktop width, at 200% zoom (a 640 px wide window) and at 320 px, and no
// sideways scrolling of the page at 320 px or 640 px (WCAG 1.4.10 Reflow). Wide tables scroll in
// their own box instead.
import { execFileSync } from 'node:child_process'
import AxeBuilder from '@axe-core/playwright'
import { type Page } from '@playwright/test'
import { type DemoRole, demoAccount, expect, signIn, test, wcagTags } from './support/fixtures.ts'
import { registerDraft } from './support/use-case-steps.ts'

type RouteNode = { path?: string; index?: boolean; file: string; children?: Array<RouteNode> }

/** The app's pages from React Router's own route manifest: every route module with a page, by its full path. */
function pagePaths(): Array<string> {
	const tree = JSON.parse(
		execFileSync('npx', ['react-router', 'routes', '--json'], { encoding: 'utf8' }),
	) as Array<RouteNode>
	const paths: Array<string> = []
	const walk = (node: RouteNode, prefix: string) => {
		const full = node.path ? `${prefix.replace(/\/$/, '')}/${node.path}` : prefix
		const isPage =
			node.file.endsWith('.tsx') &&
			!node.children?.length &&
			!full.includes('*') &&
			!/\blogout\b/.test(node.file)
		if (isPage) paths.push(full || '/')
		for (const child of node.children ?? []) walk(child, full)
	}
	for (const node of tree) walk(node, '')
	return paths
}

// Addresses that open another state of a page: the case page's tabs, the intake form's sections,
// the confirmations.
const variants: Record<string, Array<string>> = {
	'/use-cases/:useCaseId': ['?tab=data', '?tab=findings', '?tab=review'],
	'/use-cases/:useCaseId/edit': [
		'?section=decisions',
		'?section=technology',
		'?section=data',
		'?section=reporting',
		'?section=check',
	],
}

async function linkId(page: Page, href: RegExp) {
	const value = await page
		.locator('a[href]')
		.evaluateAll(
			(links, source) =>
				links
					.map((link) => link.getAttribute('href') ?? '')
					.find((candidate) => new RegExp(source).test(candidate)) ?? null,
			href.source,
		)
	return value ? (new RegExp(href.source).exec(value)?.[1] ?? null) : null
}

type Params = Record<string, string | null>

/** Ids from the demo data for the manifest's parameters, found by browsing as the governance lead and the administrator. */
async function discoverParams(browser: import('@playwright/test').Browser): Promise<Params> {
	const lead = await (await browser.newContext()).newPage()
	await signIn(lead, demoAccount('GOVERNANCE_LEAD'))
	await lead.goto('/governance')
	const useCaseId = await linkId(lead, /^\/use-cases\/([^/?#]+)\/decide/)
	await lead.goto('/inventory?status=IN_REVIEW')
	const inReview = await linkId(lead, /^\/use-cases\/([^/?#]+)$/)
	await lead.goto(`/use-cases/${inReview}?tab=review`)
	const laneReviewId = await linkId(lead, /\/lanes\/([^/?#]+)$/)
	await lead.goto('/datasets')
	const datasetId = await linkId(lead, /^\/datasets\/([^/?#]+)$/)
	await lead.goto('/policies')
	const referenceId = await linkId(lead, /^\/policies\/([^/?#]+)$/)
	await lead.goto('/inventory/cycles')
	const year = await linkId(lead, /^\/inventory\/cycles\/(\d{4})$/)
	await lead.goto('/inventory/import')
	const batchId = await linkId(lead, /^\/inventory\/import\/([^/?#]+)$/)
	await lead.context().close()
	const admin = await (await browser.newContext()).newPage()
	await signIn(admin, demoAccount('ADMIN'))
	await admin.goto('/admin/users')
	const userId = await linkId(admin, /^\/admin\/users\/([^/?#]+)$/)
	await admin.goto('/admin/policy-pack')
	const jobId = await linkId(admin, /^\/admin\/policy-pack\/jobs\/([^/?#]+)$/)
	await admin.context().close()
	const visitor = await (await browser.newContext()).newPage()
	await visitor.goto('/public/inventory')
	const publicUseCaseId = await linkId(visitor, /^\/public\/inventory\/([^/?#]+)$/)
	await visitor.goto('/public/policies')
	const publicReferenceId = await linkId(visitor, /^\/public\/policies\/([^/?#]+)$/)
	await visitor.context().close()
	return {
		publicUseCaseId,
		publicReferenceId,
		useCaseId: useCaseId ?? inReview,
		inReviewCaseId: inReview,
		laneReviewId,
		datasetId,
		referenceId,
		year,
		batchId,
		userId,
		jobId,
	}
}

function addresses(paths: Array<string>, params: Params) {
	const result: Array<{ pattern: string; url: string }> = []
	for (const pattern of paths) {
		let url = pattern
		let missing = false
		url = url.replace(/:(\w+)/g, (_match, name: string) => {
			const key = pattern.startsWith('/public/')
				? `public${name[0]!.toUpperCase()}${name.slice(1)}`
				: pattern.includes('/lanes/') && name === 'useCaseId'
					? 'inReviewCaseId'
					: name
			const value = params[key]
			if (!value) missing = true
			return value ?? ''
		})
		// A parameter the demo data has no example of (an import batch before any import) is skipped.
		if (missing) continue
		result.push({ pattern, url })
		for (const variant of variants[pattern] ?? []) result.push({ pattern, url: `${url}${variant}` })
	}
	return result
}

const widths = [
	{ name: 'desktop', width: 1280, height: 900 },
	{ name: '200% zoom', width: 640, height: 450 },
	{ name: '320 px', width: 320, height: 640 },
]

/** axe's WCAG A/AA violations and sideways scrolling, at each width; problems as readable lines. */
async function problemsOn(page: Page, url: string) {
	const problems: Array<string> = []
	for (const viewport of widths) {
		await page.setViewportSize({ width: viewport.width, height: viewport.height })
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		)
		if (viewport.width <= 640 && overflow > 0)
			problems.push(`${url} at ${viewport.name}: the page scrolls sideways by ${overflow}px`)
		const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze()
		for (const violation of results.violations) {
			problems.push(
				`${url} at ${viewport.name}: ${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
			)
		}
	}
	return problems
}

async function visitAll(page: Page, urls: Array<{ pattern: string; url: string }>) {
	const problems: Array<string> = []
	const visited: Array<string> = []
	for (const { url } of urls) {
		const response = await page.goto(url)
		const status = response?.status() ?? 0
		// Pages this role may not open answer with an error page; the error page is checked once, below.
		if (status !== 200) continue
		visited.push(url)
		problems.push(...(await problemsOn(page, url)))
	}
	return { problems, visited }
}

const roles: Array<DemoRole> = ['SUBMITTER', 'REVIEWER', 'GOVERNANCE_LEAD', 'LEADERSHIP', 'ADMIN']
let params: Params
let paths: Array<string>

test.describe('every page', () => {
	test.beforeAll(async ({ browser }) => {
		test.setTimeout(180_000)
		paths = pagePaths()
		params = await discoverParams(browser)
	})

	for (const role of roles) {
		test(`as ${role.toLowerCase().replace('_', ' ')}: no axe violation and no sideways scroll, at desktop, 200% zoom and 320 px`, async ({
			page,
		}) => {
			test.setTimeout(900_000)
			await signIn(page, demoAccount(role))
			const own: Params = { ...params }
			if (role === 'SUBMITTER') {
				// The submitter's own draft: its edit page, sections and case page.
				const caseUrl = await registerDraft(page, 'Reflow check of the intake form')
				own.useCaseId = caseUrl.split('/').at(-1) ?? null
			}
			const signedIn = paths.filter((path) => !path.startsWith('/public') && path !== '/login')
			const { problems, visited } = await visitAll(page, addresses(signedIn, own))
			expect(visited.length).toBeGreaterThan(5)
			// Every section the role's navigation offers was among the pages checked.
			for (const link of await page
				.getByRole('navigation', { name: 'Main' })
				.first()
				.getByRole('link')
				.all()) {
				const href = await link.getAttribute('href')
				if (href) expect(visited, `${role} can open ${href}`).toContain(href)
			}
			if (role === 'SUBMITTER') {
				await page.goto('/use-cases/no-such-case')
				problems.push(...(await problemsOn(page, 'a missing page')))
			}
			expect(problems).toEqual([])
		})
	}

	test('the public site, the sign-in page and its error page', async ({ page }) => {
		test.setTimeout(600_000)
		const publicPaths = paths.filter((path) => path.startsWith('/public') || path === '/login')
		const { problems, visited } = await visitAll(page, addresses(publicPaths, params))
		expect(visited).toContain('/login')
		await page.goto('/public/no-such-page')
		problems.push(...(await problemsOn(page, 'a missing public page')))
		expect(problems).toEqual([])
	})
})
