// Every route module of the app with who may use its loader and its action, and the records of a
// seeded demo database the addresses point at: read by the authorization matrix test and by the
// HTTP fuzz suite, so that both cover every route.
import { readFileSync } from 'node:fs'
import { type PrismaClient } from '#app/generated/prisma/client.ts'
import {
	type KnownPermission,
	type RoleName,
	roleNames,
	rolesGrant,
} from '#app/utils/permissions.ts'
import { demoAccounts } from '#prisma/seed/demo-accounts.ts'
import { type FormFields } from './http-client.ts'

export type Who = 'ANONYMOUS' | RoleName
export const everyone: ReadonlyArray<Who> = ['ANONYMOUS', ...roleNames]

/** What a caller gets: let through (any answer but a refusal), refused, sent to sign in, or told it does not exist. */
export type Outcome = 'allowed' | 'forbidden' | 'login' | 'not-found'

/**
 * Who may do it: a permission of the matrix (signed-in roles holding it are let through, the others
 * refused, anonymous callers sent to sign in), any signed-in person, anyone at all, or each role's
 * outcome spelled out where a record-level rule decides (ownership, being listed on the case).
 */
export type Access =
	KnownPermission | 'signed-in' | 'anyone' | 'anonymous-only' | Record<Who, Outcome>

export type Fixtures = Awaited<ReturnType<typeof prepareRouteFixtures>>

export type Entry = {
	/** The address of one record of this route, from the seeded fixtures. */
	path: (ids: Fixtures) => string
	loader?: Access
	/** The action, as posted by the app's forms: one probe per intent that authorises differently. */
	action?: Array<{ body: FormFields; access: Access }>
	/** For layouts, which have no address of their own. */
	coveredBy?: string
}

const all = (outcome: Outcome): Record<Who, Outcome> =>
	Object.fromEntries(everyone.map((who) => [who, outcome])) as Record<Who, Outcome>
const signedIn = (
	outcomes: Partial<Record<RoleName, Outcome>>,
	otherwise: Outcome = 'forbidden',
): Record<Who, Outcome> => ({
	ANONYMOUS: 'login',
	...(Object.fromEntries(roleNames.map((role) => [role, outcomes[role] ?? otherwise])) as Record<
		RoleName,
		Outcome
	>),
})

export const authorizationMatrix: Record<string, Entry> = {
	'root.tsx': { path: () => '/', coveredBy: 'every page: its loader runs on each of them' },
	'routes/_app/_layout.tsx': {
		path: () => '/',
		coveredBy: 'every signed-in page: its loader runs on each of them',
	},
	'routes/$.tsx': {
		path: () => '/no-such-page',
		loader: all('not-found'),
		action: [{ body: {}, access: all('not-found') }],
	},
	'routes/healthz.ts': { path: () => '/healthz', loader: 'anyone' },
	'routes/livez.ts': { path: () => '/livez', loader: 'anyone' },
	// A signed-in visitor is sent home: nothing here is refused.
	'routes/_auth/login.tsx': {
		path: () => '/login',
		loader: 'anyone',
		action: [{ body: {}, access: 'anyone' }],
	},
	// Signing out (or having no session to end) leads to the sign-in page.
	'routes/_auth/logout.tsx': {
		path: () => '/logout',
		loader: 'anyone',
		action: [{ body: {}, access: all('login') }],
	},
	'routes/_app/index.tsx': { path: () => '/', loader: 'signed-in' },
	// Single sign-on is not set up on the test server: starting it or coming back from it finds nothing.
	'routes/_auth/auth/oidc/index.tsx': {
		path: () => '/auth/oidc',
		loader: all('login'),
		action: [{ body: {}, access: { ...all('allowed'), ANONYMOUS: 'not-found' } }],
	},
	'routes/_auth/auth/oidc/callback.tsx': {
		path: () => '/auth/oidc/callback?code=x&state=y',
		loader: all('not-found'),
	},
	// Only a session signed in with a temporary password changes it here; everyone else signed in is sent to their settings.
	'routes/_auth/change-password.tsx': {
		path: () => '/change-password',
		loader: signedIn({}, 'allowed'),
		action: [{ body: {}, access: signedIn({}, 'allowed') }],
	},
	// An unknown link finds nothing; a signed-in visitor is sent home. An empty form is told what is missing.
	'routes/_auth/invitations.$token.tsx': {
		path: () => '/invitations/no-such-invitation-token-000000000000',
		loader: { ...all('allowed'), ANONYMOUS: 'not-found' },
		action: [{ body: {}, access: 'anyone' }],
	},
	'routes/_auth/reset-password.$token.tsx': {
		path: () => '/reset-password/no-such-reset-token-0000000000000',
		loader: all('not-found'),
		action: [{ body: {}, access: 'anyone' }],
	},
	'routes/api-reference.tsx': { path: () => '/api-reference', loader: 'anyone' },
	// The public site: the same for everyone, signed in or not.
	'routes/public/_layout.tsx': { path: () => '/public', loader: 'anyone' },
	'routes/public/index.tsx': { path: () => '/public', loader: 'anyone' },
	'routes/public/$.tsx': { path: () => '/public/no-such-page', loader: all('not-found') },
	'routes/public/accessibility.tsx': {
		path: () => '/public/accessibility',
		coveredBy: 'a static page: the public layout’s loader runs on it',
	},
	'routes/public/data-dictionary.tsx': {
		path: () => '/public/data-dictionary',
		coveredBy: 'a static page: the public layout’s loader runs on it',
	},
	'routes/public/summary.tsx': { path: () => '/public/summary', loader: 'anyone' },
	'routes/public/sitemap[.]xml.ts': { path: () => '/public/sitemap.xml', loader: 'anyone' },
	'routes/public/downloads/index.tsx': { path: () => '/public/downloads', loader: 'anyone' },
	'routes/public/downloads/$edition/inventory[.]csv.ts': {
		path: () => '/public/downloads/current/inventory.csv',
		loader: 'anyone',
	},
	'routes/public/downloads/$edition/inventory[.]json.ts': {
		path: () => '/public/downloads/current/inventory.json',
		loader: 'anyone',
	},
	'routes/public/inventory/index.tsx': { path: () => '/public/inventory', loader: 'anyone' },
	'routes/public/inventory/$useCaseId.tsx': {
		path: (ids) => `/public/inventory/${ids.publicCaseId}`,
		loader: 'anyone',
	},
	'routes/public/policies/index.tsx': { path: () => '/public/policies', loader: 'anyone' },
	'routes/public/policies/$referenceId.tsx': {
		path: (ids) => `/public/policies/${ids.referenceId}`,
		loader: 'anyone',
	},
	'routes/_app/audit/index.tsx': { path: () => '/audit', loader: 'read:audit:any' },
	'routes/_app/audit/events[.]csv.ts': {
		path: () => '/audit/events.csv',
		loader: 'read:audit:any',
	},
	'routes/_app/dashboards/index.tsx': { path: () => '/dashboards', loader: 'read:dashboard:any' },
	'routes/_app/datasets/index.tsx': { path: () => '/datasets', loader: 'read:dataset:any' },
	'routes/_app/datasets/new.tsx': {
		path: () => '/datasets/new',
		loader: 'create:dataset:any',
		action: [{ body: {}, access: 'create:dataset:any' }],
	},
	'routes/_app/datasets/$datasetId/index.tsx': {
		path: (ids) => `/datasets/${ids.datasetId}`,
		loader: 'read:dataset:any',
	},
	// Only the dataset's steward (none of the demo roles here) and administrators edit it.
	'routes/_app/datasets/$datasetId/edit.tsx': {
		path: (ids) => `/datasets/${ids.datasetId}/edit`,
		loader: signedIn({ ADMIN: 'allowed' }),
		action: [{ body: {}, access: signedIn({ ADMIN: 'allowed' }) }],
	},
	'routes/_app/governance/index.tsx': { path: () => '/governance', loader: 'assign:review:any' },
	'routes/_app/inventory/index.tsx': {
		path: () => '/inventory',
		loader: 'read:inventory:any',
		action: [
			{ body: { intent: 'add-tag', tag: 'matrix' }, access: 'bulk-update:use-case:any' },
			{
				body: {
					intent: 'assign-reviewer',
					lane: 'PRIVACY',
					assigneeId: 'nobody',
					dueOn: '2027-01-01',
				},
				access: 'assign:review:any',
			},
		],
	},
	'routes/_app/inventory/view[.]csv.ts': {
		path: () => '/inventory/view.csv',
		loader: 'read:inventory:any',
		action: [{ body: {}, access: 'bulk-update:use-case:any' }],
	},
	'routes/_app/inventory/cycles/index.tsx': {
		path: () => '/inventory/cycles',
		loader: 'read:inventory:any',
		action: [{ body: {}, access: 'manage:cycle:any' }],
	},
	'routes/_app/inventory/cycles/$year/index.tsx': {
		path: (ids) => `/inventory/cycles/${ids.year}`,
		loader: 'read:inventory:any',
		action: [{ body: {}, access: 'manage:cycle:any' }],
	},
	'routes/_app/inventory/cycles/$year/omb[.]csv.ts': {
		path: (ids) => `/inventory/cycles/${ids.year}/omb.csv`,
		loader: 'export:inventory:any',
	},
	'routes/_app/inventory/export/index.tsx': {
		path: () => '/inventory/export',
		loader: 'export:inventory:any',
	},
	'routes/_app/inventory/export/cots[.]csv.ts': {
		path: () => '/inventory/export/cots.csv',
		loader: 'export:inventory:any',
	},
	'routes/_app/inventory/export/omb[.]csv.ts': {
		path: () => '/inventory/export/omb.csv',
		loader: 'export:inventory:any',
	},
	'routes/_app/inventory/export/omb[.]json.ts': {
		path: () => '/inventory/export/omb.json',
		loader: 'export:inventory:any',
	},
	'routes/_app/inventory/export/problems[.]csv.ts': {
		path: () => '/inventory/export/problems.csv',
		loader: 'export:inventory:any',
	},
	'routes/_app/inventory/export/public[.]csv.ts': {
		path: () => '/inventory/export/public.csv',
		loader: 'export:inventory:any',
	},
	'routes/_app/inventory/export/public[.]json.ts': {
		path: () => '/inventory/export/public.json',
		loader: 'export:inventory:any',
	},
	'routes/_app/inventory/import/index.tsx': {
		path: () => '/inventory/import',
		loader: 'import:inventory:any',
		action: [{ body: {}, access: 'import:inventory:any' }],
	},
	'routes/_app/inventory/import/$batchId.tsx': {
		path: (ids) => `/inventory/import/${ids.batchId}`,
		loader: 'import:inventory:any',
		action: [{ body: {}, access: 'import:inventory:any' }],
	},
	'routes/_app/inventory/import/$batchId.problems[.]csv.ts': {
		path: (ids) => `/inventory/import/${ids.batchId}/problems.csv`,
		loader: 'import:inventory:any',
	},
	'routes/_app/notifications/index.tsx': {
		path: () => '/notifications',
		loader: 'read:notification:own',
		action: [{ body: {}, access: 'update:notification:own' }],
	},
	// A notification is its recipient's (the submitter's): for anyone else it does not exist.
	'routes/_app/notifications/$notificationId.ts': {
		path: (ids) => `/notifications/${ids.notificationId}`,
		loader: 'read:notification:own',
		action: [{ body: {}, access: signedIn({ SUBMITTER: 'allowed' }, 'not-found') }],
	},
	'routes/_app/policies/index.tsx': { path: () => '/policies', loader: 'read:policy:any' },
	'routes/_app/policies/$referenceId.tsx': {
		path: (ids) => `/policies/${ids.referenceId}`,
		loader: 'read:policy:any',
	},
	'routes/_app/reviews/index.tsx': { path: () => '/reviews', loader: 'read:review-queue:own' },
	'routes/_app/settings/index.tsx': {
		path: () => '/settings',
		loader: 'update:profile:own',
		action: [{ body: {}, access: 'update:profile:own' }],
	},
	'routes/_app/admin/users/index.tsx': { path: () => '/admin/users', loader: 'manage:user:any' },
	'routes/_app/admin/users/$userId.tsx': {
		path: (ids) => `/admin/users/${ids.userId}`,
		loader: 'manage:user:any',
		action: [{ body: {}, access: 'manage:user:any' }],
	},
	'routes/_app/admin/users/new.tsx': {
		path: () => '/admin/users/new',
		loader: 'manage:user:any',
		action: [{ body: {}, access: 'manage:user:any' }],
	},
	'routes/_app/admin/single-sign-on.tsx': {
		path: () => '/admin/single-sign-on',
		loader: 'manage:user:any',
		action: [{ body: {}, access: 'manage:user:any' }],
	},
	'routes/_app/admin/api-tokens.tsx': {
		path: () => '/admin/api-tokens',
		loader: 'manage:user:any',
		action: [{ body: {}, access: 'manage:user:any' }],
	},
	'routes/_app/settings/api-tokens.tsx': {
		path: () => '/settings/api-tokens',
		loader: 'update:profile:own',
		action: [{ body: {}, access: 'update:profile:own' }],
	},
	'routes/_app/settings/password.tsx': {
		path: () => '/settings/password',
		loader: 'update:profile:own',
		action: [{ body: {}, access: 'update:profile:own' }],
	},
	'routes/_app/settings/sessions.tsx': {
		path: () => '/settings/sessions',
		loader: 'update:profile:own',
		action: [{ body: {}, access: 'update:profile:own' }],
	},
	'routes/_app/admin/org-units/index.tsx': {
		path: () => '/admin/org-units',
		loader: 'manage:org-unit:any',
		action: [{ body: {}, access: 'manage:org-unit:any' }],
	},
	'routes/_app/admin/org-units/$orgUnitId.tsx': {
		path: (ids) => `/admin/org-units/${ids.orgUnitId}`,
		loader: 'manage:org-unit:any',
		action: [{ body: {}, access: 'manage:org-unit:any' }],
	},
	'routes/_app/admin/policy-pack/index.tsx': {
		path: () => '/admin/policy-pack',
		loader: 'manage:policy:any',
		action: [{ body: {}, access: 'manage:policy:any' }],
	},
	'routes/_app/admin/policy-pack/jobs.$jobId.tsx': {
		path: (ids) => `/admin/policy-pack/jobs/${ids.jobId}`,
		loader: 'manage:policy:any',
		action: [{ body: {}, access: 'manage:policy:any' }],
	},
	'routes/_app/admin/policy-pack/publish.$version.tsx': {
		path: (ids) => `/admin/policy-pack/publish/${ids.packVersion}`,
		loader: 'manage:policy:any',
		action: [{ body: {}, access: 'manage:policy:any' }],
	},
	'routes/_app/admin/policy-pack/references.new.tsx': {
		path: () => '/admin/policy-pack/references/new',
		loader: 'manage:policy:any',
		action: [{ body: {}, access: 'manage:policy:any' }],
	},
	'routes/_app/admin/policy-pack/references.$referenceId.tsx': {
		path: (ids) => `/admin/policy-pack/references/${ids.referenceId}`,
		loader: 'manage:policy:any',
		action: [{ body: {}, access: 'manage:policy:any' }],
	},
	'routes/_app/use-cases/index.tsx': { path: () => '/use-cases', loader: 'read:use-case:any' },
	'routes/_app/use-cases/mine.tsx': {
		path: () => '/use-cases/mine',
		loader: 'create:use-case:own',
	},
	'routes/_app/use-cases/new.tsx': {
		path: () => '/use-cases/new',
		loader: 'create:use-case:own',
		action: [{ body: {}, access: 'create:use-case:own' }],
	},
	'routes/_app/use-cases/duplicates.ts': {
		path: () => '/use-cases/duplicates?name=claims',
		loader: 'read:use-case:any',
	},
	'routes/_app/use-cases/$useCaseId/index.tsx': {
		path: (ids) => `/use-cases/${ids.caseId}`,
		loader: 'read:use-case:any',
		action: [
			{
				body: { intent: 'determine', determination: 'NOT_HIGH_IMPACT', version: '1' },
				access: 'determine:high-impact:any',
			},
			// The reviewer holds this lane already: a conflict for those who may claim, a refusal for the rest.
			{
				body: { intent: 'claim', laneReviewId: 'LANE', revision: '1' },
				access: 'claim:review:any',
			},
			{ body: { intent: 're-review', reason: 'The matrix asks.' }, access: 'decide:use-case:any' },
			// Only the people listed on the case withdraw it: none of the demo roles are, on this one.
			{ body: { intent: 'withdraw' }, access: signedIn({}) },
		],
	},
	'routes/_app/use-cases/$useCaseId/activity.tsx': {
		path: (ids) => `/use-cases/${ids.caseId}/activity`,
		loader: 'read:use-case:any',
	},
	'routes/_app/use-cases/$useCaseId/history.tsx': {
		path: (ids) => `/use-cases/${ids.caseId}/history`,
		loader: 'read:use-case:any',
	},
	'routes/_app/use-cases/$useCaseId/governance.tsx': {
		path: (ids) => `/use-cases/${ids.caseId}/governance`,
		loader: 'read:use-case:any',
		// The CAIO's office is let through to find no such certification; everyone else is refused.
		action: [
			{
				body: {
					intent: 'revoke-pilot',
					certificationId: 'no-such-certification',
					date: '2026-01-01',
				},
				access: signedIn({ GOVERNANCE_LEAD: 'not-found' }),
			},
		],
	},
	'routes/_app/use-cases/$useCaseId/assign.tsx': {
		path: (ids) => `/use-cases/${ids.caseId}/assign`,
		loader: 'assign:review:any',
		action: [{ body: {}, access: 'assign:review:any' }],
	},
	'routes/_app/use-cases/$useCaseId/decide.tsx': {
		path: (ids) => `/use-cases/${ids.caseId}/decide`,
		loader: 'decide:use-case:any',
		action: [{ body: {}, access: 'decide:use-case:any' }],
	},
	// Only the people listed on the case edit it: the submitter is, on this one.
	'routes/_app/use-cases/$useCaseId/edit.tsx': {
		path: (ids) => `/use-cases/${ids.ownCaseId}/edit`,
		loader: signedIn({ SUBMITTER: 'allowed' }),
		action: [{ body: {}, access: signedIn({ SUBMITTER: 'allowed' }) }],
	},
	'routes/_app/use-cases/$useCaseId/findings-preview.ts': {
		path: (ids) => `/use-cases/${ids.ownCaseId}/findings-preview`,
		action: [{ body: {}, access: 'update:use-case:own' }],
	},
	// The lane's reviewer, and the governance lead who may step in.
	'routes/_app/use-cases/$useCaseId/lanes.$laneReviewId.tsx': {
		path: (ids) => `/use-cases/${ids.caseId}/lanes/${ids.laneId}`,
		loader: signedIn({ REVIEWER: 'allowed', GOVERNANCE_LEAD: 'allowed' }),
		action: [{ body: {}, access: signedIn({ REVIEWER: 'allowed', GOVERNANCE_LEAD: 'allowed' }) }],
	},
}

export function expected(access: Access, who: Who): Outcome {
	if (typeof access === 'object') return access[who]
	if (access === 'anyone') return 'allowed'
	if (access === 'anonymous-only') return who === 'ANONYMOUS' ? 'allowed' : 'forbidden'
	if (who === 'ANONYMOUS') return 'login'
	if (access === 'signed-in') return 'allowed'
	return rolesGrant([who], access) ? 'allowed' : 'forbidden'
}

/** What an answer means for authorization. A signed-in person sent away from the sign-in page counts as refused there. */
export async function outcomeOf(
	response: Response,
	data: boolean,
): Promise<Outcome | `server error ${number}`> {
	if (response.status >= 500) return `server error ${response.status}`
	if (response.status === 403) return 'forbidden'
	if (response.status === 404) return 'not-found'
	const location = response.headers.get('Location') ?? ''
	if (data && response.status === 202) {
		const body = await response.text()
		// React Router's single-fetch redirect, as a loader's or an action's answer.
		if (/"redirect","\/login(\?|")/.test(body)) return 'login'
		return 'allowed'
	}
	if (response.status >= 300 && response.status < 400 && /^\/login(\?|$)/.test(location))
		return 'login'
	return 'allowed'
}

export async function prepareRouteFixtures(prisma: PrismaClient) {
	const byEmail = async (email: string) =>
		(await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
	const submitter = await byEmail('submitter@cms.example')
	const reviewer = await byEmail('reviewer@cms.example')
	const lead = await byEmail('governance@cms.example')
	// A case in review with an open privacy lane of this round, held by the demo reviewer.
	const inReview = await prisma.useCase.findFirstOrThrow({
		where: { status: 'IN_REVIEW' },
		select: { id: true, reviewRound: true },
	})
	const key = { useCaseId: inReview.id, round: inReview.reviewRound, lane: 'PRIVACY' as const }
	const assigned = {
		status: 'OPEN' as const,
		assigneeId: reviewer,
		assignedById: lead,
		assignedAt: new Date(),
	}
	const lane = await prisma.laneReview.upsert({
		where: { useCaseId_round_lane: key },
		create: { ...key, ...assigned },
		update: assigned,
		select: { id: true, useCaseId: true },
	})
	// An approved case the submitter is listed on, so that editing it is theirs to do.
	const own = await prisma.useCase.findFirstOrThrow({
		where: { status: 'APPROVED' },
		select: { id: true },
	})
	await prisma.useCaseContact.create({
		data: { useCaseId: own.id, userId: submitter, role: 'DEVELOPER' },
	})
	const stewards = await prisma.user.findMany({
		where: { email: { in: demoAccounts.map((account) => account.email) } },
		select: { id: true },
	})
	const dataset = await prisma.dataset.findFirstOrThrow({
		where: { OR: [{ stewardId: null }, { stewardId: { notIn: stewards.map((s) => s.id) } }] },
		select: { id: true },
	})
	const pack = JSON.parse(
		readFileSync('app/modules/policies/pack/federal-ai-policy-pack-2026.1.json', 'utf8'),
	) as { references: Array<{ id: string }> }
	const reference = pack.references[0]!
	// An administrator's open draft on the pack in force, for the publication preview.
	const inForce = await prisma.policyPackVersion.findFirstOrThrow({
		where: { status: 'PUBLISHED' },
		orderBy: { publishedAt: 'desc' },
		select: { version: true, content: true },
	})
	const packVersion = `${inForce.version}-matrix`
	await prisma.policyPackVersion.create({
		data: {
			version: packVersion,
			status: 'DRAFT',
			openDraft: true,
			origin: 'LOCAL',
			basedOnVersion: inForce.version,
			content: { ...(inForce.content as object), version: packVersion },
			editedById: lead,
		},
	})
	const job = await prisma.reevaluationJob.create({
		data: { packVersion: 'matrix', total: 0, status: 'DONE', startedById: lead },
		select: { id: true },
	})
	const notification = await prisma.notification.create({
		data: {
			userId: submitter,
			kind: 'COMMENTED',
			title: 'For the matrix',
			body: 'A notification.',
			link: '/notifications',
		},
		select: { id: true },
	})
	const batch = await prisma.importBatch.create({
		data: {
			fileName: 'matrix.csv',
			fileSha256: 'matrix',
			total: 0,
			startedById: lead,
			file: {
				create: {
					encoding: 'identity',
					content: Buffer.from('use_case_name\n'),
					problems: Buffer.from('[]'),
				},
			},
		},
		select: { id: true },
	})
	const published = await prisma.useCase.findFirstOrThrow({
		where: { status: 'APPROVED', OR: [{ isWithheld: null }, { isWithheld: 'NO' }] },
		select: { trackingId: true },
	})
	const year = 2025
	await prisma.inventoryCycle.create({ data: { year, openedById: lead } })
	return {
		caseId: lane.useCaseId,
		laneId: lane.id,
		ownCaseId: own.id,
		datasetId: dataset.id,
		referenceId: reference.id,
		jobId: job.id,
		notificationId: notification.id,
		batchId: batch.id,
		userId: submitter,
		orgUnitId: (
			await prisma.orgUnit.findFirstOrThrow({
				where: { code: 'HHS/CMS/OIT' },
				select: { id: true },
			})
		).id,
		publicCaseId: published.trackingId,
		packVersion,
		year,
	}
}

/** The demo account that holds exactly this role. */
export function accountFor(role: RoleName) {
	return demoAccounts.find(
		(account) => account.roles.length === 1 && account.roles[0]!.role === role,
	)!
}

/** Whether a route module is a page (it renders), which also answers React Router's `.data` requests. */
export function routeExports(file: string) {
	const source = readFileSync(`app/${file}`, 'utf8')
	const exported = (name: string) =>
		new RegExp(`export (async )?function ${name}\\b|export const ${name}\\b`).test(source)
	return {
		loader: exported('loader'),
		action: exported('action'),
		page: /export default function/.test(source),
	}
}
