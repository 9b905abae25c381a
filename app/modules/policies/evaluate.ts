import { screenedOutAsNotAi } from '#app/modules/policies/checks/ai-definition.ts'
import { type CheckStatus, type PolicyCheck } from '#app/modules/policies/checks/check-types.ts'
import { checkImplementations } from '#app/modules/policies/checks/registry.ts'
import {
	presumedHighImpactCategories,
	type PresumedCategory,
} from '#app/modules/policies/checks/high-impact.ts'
import {
	type CheckSeverity,
	type LaneRoute,
	type PolicyCheckDefinition,
	type PolicyPack,
	releaseOf,
} from '#app/modules/policies/policy-pack.ts'
import { routeConditions } from '#app/modules/policies/routing.ts'
import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'
import { type ReviewLaneName as ReviewLane, reviewLanes } from '#app/utils/permissions.ts'

export type CheckResult = {
	checkId: string
	title: string
	clauseIds: Array<string>
	status: CheckStatus
	severity: CheckSeverity
	reason: string
	drivingFields: Array<string>
	nextStep: string | null
	/** The question the next step asks to be answered (absent from results stored before it was recorded). */
	nextQuestion?: string
	/** The lane the pack assigns to this check; it is required only while the check does not pass. */
	lane: ReviewLane
}

/** A routing rule of the pack that holds for the case: its lanes are required whatever the checks say. */
type RouteResult = {
	routeId: string
	title: string
	clauseIds: Array<string>
	lanes: Array<ReviewLane>
	/** Why the condition holds, in plain words ("it is presumed high-impact under M-25-21 §6(m)"). */
	reason: string
}

export type Evaluation = {
	packId: string
	packVersion: string
	asOf: string
	presumedHighImpact: boolean
	presumedCategories: Array<PresumedCategory>
	/** The AI screen takes the case out of AI governance (rule-based only): AI-specific checks do not apply. */
	screenedOutAsNotAi: boolean
	/** Lanes of the routing rules that hold, plus the lane of every check that does not pass. */
	requiredLanes: Array<ReviewLane>
	routes: Array<RouteResult>
	/** True when an enabled BLOCKING check fails: the final decision must wait. */
	blocked: boolean
	results: Array<CheckResult>
}

type CompiledCheck = { definition: PolicyCheckDefinition; run: PolicyCheck }
type CompiledPlan = { checks: Array<CompiledCheck>; routes: Array<LaneRoute> }

// Packs are immutable once published, so the plan is built once per pack object, not per case.
const compiledPlans = new WeakMap<PolicyPack, CompiledPlan>()

/** Check ids a pack lists that this release has no code for (an admin cannot add check logic). */
export function unimplementedCheckIds(pack: Pick<PolicyPack, 'checks'>): Array<string> {
	return pack.checks
		.filter((check) => !Object.hasOwn(checkImplementations, check.id))
		.map((check) => check.id)
}

function compile(pack: PolicyPack): CompiledPlan {
	let plan = compiledPlans.get(pack)
	if (plan) return plan
	const missing = unimplementedCheckIds(pack)
	if (missing.length > 0) {
		throw new Error(
			`Policy pack ${pack.version} lists checks with no implementation: ${missing.join(', ')}`,
		)
	}
	plan = {
		checks: pack.checks
			.filter((definition) => definition.enabled)
			.map((definition) => ({
				definition,
				run: checkImplementations[definition.id] as PolicyCheck,
			})),
		routes: pack.routes.filter((route) => route.enabled),
	}
	compiledPlans.set(pack, plan)
	return plan
}

function mergeClauses(own: Array<string>, cited: Array<string>): Array<string> {
	return [...own, ...cited.filter((id) => !own.includes(id))]
}

const NOT_PASSING: ReadonlySet<CheckStatus> = new Set(['NEEDS_ATTENTION', 'FAIL'])

/**
 * Runs every enabled check and routing rule of the pack. The pack decides severity, lanes and whether a
 * check or rule runs at all; the code decides the status and whether a rule's condition holds, so an
 * admin can re-weigh a finding but never change what it means.
 *
 * A check's lane is required while the check does not pass; a routing rule's lanes are required
 * whenever its condition holds, so an answer the submitter gives never removes the reviewer who must
 * confirm it.
 */
export function evaluateUseCase(
	doc: UseCaseDocument,
	options: { pack: PolicyPack; asOf: Date },
): Evaluation {
	const { pack, asOf } = options
	const plan = compile(pack)
	const ctx = { asOf, release: releaseOf(pack.version) }
	const lanes = new Set<ReviewLane>()
	const results: Array<CheckResult> = []
	let blocked = false
	for (const { definition, run } of plan.checks) {
		const outcome = run(doc, ctx)
		if (NOT_PASSING.has(outcome.status)) {
			lanes.add(definition.lane)
			if (decisionImpact({ status: outcome.status, severity: definition.severity }) === 'blocks')
				blocked = true
		}
		results.push({
			checkId: definition.id,
			title: definition.title,
			clauseIds: outcome.citedClauses
				? mergeClauses(definition.clauseIds, outcome.citedClauses)
				: definition.clauseIds,
			status: outcome.status,
			severity: definition.severity,
			reason: outcome.reason,
			drivingFields: outcome.drivingFields,
			nextStep: outcome.nextStep,
			...(outcome.nextStep !== null && outcome.nextQuestion !== undefined
				? { nextQuestion: outcome.nextQuestion }
				: {}),
			lane: definition.lane,
		})
	}
	const presumedCategories = presumedHighImpactCategories(doc, ctx)
	const routes: Array<RouteResult> = []
	for (const route of plan.routes) {
		const reason = routeConditions[route.when](doc, presumedCategories, ctx)
		if (reason === null) continue
		for (const lane of route.lanes) lanes.add(lane)
		routes.push({
			routeId: route.id,
			title: route.title,
			clauseIds: route.clauseIds,
			lanes: route.lanes,
			reason,
		})
	}
	return {
		packId: pack.id,
		packVersion: pack.version,
		asOf: asOf.toISOString().slice(0, 10),
		presumedHighImpact: presumedCategories.length > 0,
		presumedCategories,
		screenedOutAsNotAi: screenedOutAsNotAi(doc, ctx),
		requiredLanes: reviewLanes.filter((lane) => lanes.has(lane)),
		routes,
		blocked,
		results,
	}
}

/**
 * What a check's result means for the final decision, as the findings and the decision page both say
 * it: a failing blocking check stops an approval; a blocking check that needs attention (a practice
 * not yet due, say) does not stop it yet, and the governance lead is warned of it before deciding.
 */
export function decisionImpact(
	result: Pick<CheckResult, 'status' | 'severity'>,
): 'blocks' | 'warns' | null {
	if (result.severity !== 'BLOCKING') return null
	if (result.status === 'FAIL') return 'blocks'
	return result.status === 'NEEDS_ATTENTION' ? 'warns' : null
}
