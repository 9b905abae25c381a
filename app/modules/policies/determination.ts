// The governance lead's high-impact determination (M-25-21 §4(a)): the app states the §6
// presumption; the lead decides, and must write why whenever the decision departs from it.
import {
	type HighImpactDetermination,
	highImpactDeterminations,
} from '#app/modules/use-cases/vocabulary.ts'

export const MIN_RATIONALE_LENGTH = 40

export type DeterminationInput = {
	presumedHighImpact: boolean
	presumedCategories: ReadonlyArray<string>
	determination: HighImpactDetermination
	rationale: string | undefined
}

export function departsFromPresumption(
	input: Pick<DeterminationInput, 'presumedHighImpact' | 'determination'>,
) {
	return input.presumedHighImpact
		? input.determination !== 'HIGH_IMPACT'
		: input.determination !== 'NOT_HIGH_IMPACT'
}

/**
 * The determinations the lead may record. A presumed case cannot be recorded plainly "not
 * high-impact" (§6 presumes it; OMB's "presumed, but determined not" says so); a case the checks
 * found no presumption for may take any, since the lead may see a §6 category the answers miss.
 */
export function determinationChoices(presumedHighImpact: boolean): Array<HighImpactDetermination> {
	return presumedHighImpact
		? highImpactDeterminations.filter((choice) => choice !== 'NOT_HIGH_IMPACT')
		: [...highImpactDeterminations]
}

/** Field errors for the determination form; empty when it may be recorded. */
export function determinationProblems(input: DeterminationInput): Record<string, Array<string>> {
	const letters = input.presumedCategories.map((letter) => `§6(${letter})`).join(', ')
	if (!determinationChoices(input.presumedHighImpact).includes(input.determination)) {
		return {
			determination: [
				`This use case is presumed high-impact under M-25-21 ${letters}. Record “High-impact”, or “Presumed high-impact, but determined not high impact” with the reasons.`,
			],
		}
	}
	const rationale = input.rationale?.trim() ?? ''
	if (departsFromPresumption(input) && rationale.length < MIN_RATIONALE_LENGTH) {
		const why = input.presumedHighImpact
			? `It is presumed high-impact under ${letters}; explain why its output is not a principal basis for a decision with legal, material or significant effect.`
			: 'The checks found no §6 presumption; explain what makes it high-impact (or presumed so).'
		return { rationale: [`${why} Write at least ${MIN_RATIONALE_LENGTH} characters.`] }
	}
	return {}
}
