import { type UseCaseDocument } from '#app/modules/use-cases/use-case-document.ts'

export const CHECK_STATUSES = ['PASS', 'NEEDS_ATTENTION', 'FAIL', 'NOT_APPLICABLE'] as const
export type CheckStatus = (typeof CHECK_STATUSES)[number]

export type CheckContext = {
	/** The day the case is judged on: deadlines and waiver expiry are measured against it, never against the clock. */
	asOf: Date
	/**
	 * The release of the pack the case is judged under (2026.4 for 2026.4 and its local editions). A
	 * reading a later release introduced applies only from that release, so a case judged under an older
	 * pack keeps its results; left out (tests, one-off calls), the newest reading applies.
	 */
	release?: string
}

/**
 * What a reading that depends on the pack needs from the context: its release. Helpers that the
 * checks share with routing, the presumption and the practice tracker take it as a required argument,
 * so no caller can judge a case under one release's reading while its checks use another's.
 */
export type Reading = Pick<CheckContext, 'release'>

export type CheckOutcome = {
	status: CheckStatus
	/** Plain language, naming the answers that drove the result, so a reviewer can see why without opening code. */
	reason: string
	/** Document field paths in the form submission errors use (`safeguards.piaCompleted`, `datasets.0.sensitivities`). */
	drivingFields: Array<string>
	/** What the submitter or reviewer should do; null when nothing is needed. */
	nextStep: string | null
	/**
	 * The form question the next step asks the submitter to answer (a document field path, a dataset's
	 * as `datasets.0.minimumNecessaryJustification`), left out when the step is not done on the form
	 * (the CAIO's or a reviewer's work). The findings link to this question and no other, so the link
	 * always names what the sentence asks for.
	 */
	nextQuestion?: string
	/**
	 * Clauses this particular finding rests on beyond the check's own (e.g. the §6 letter that raised a
	 * presumption), so a reviewer lands on the exact paragraph.
	 */
	citedClauses?: Array<string>
}

export type PolicyCheck = (doc: UseCaseDocument, ctx: CheckContext) => CheckOutcome
