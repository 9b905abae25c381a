import { type UseCaseStatus, useCaseStatusLabels } from '#app/modules/use-cases/vocabulary.ts'

// USWDS tag colours: grey for what has not started or has ended, blue for what is moving, gold for
// what waits on someone, green for what is done, red for what failed. Each pair keeps 4.5:1 contrast.
const tones = {
	neutral: 'bg-base-lighter text-base-darkest',
	info: 'bg-primary-lighter text-primary-darker',
	warning: 'bg-warning-lighter text-base-darkest ring-1 ring-warning-dark ring-inset',
	success: 'bg-success-lighter text-success-darker ring-1 ring-success-dark ring-inset',
	error: 'bg-error-lighter text-error ring-1 ring-error ring-inset',
} as const
export type TagTone = keyof typeof tones

export function Tag({
	tone,
	children,
	id,
}: {
	tone: TagTone
	children: React.ReactNode
	id?: string
}) {
	return (
		<span
			id={id}
			className={`inline-block rounded-sm px-2 py-0.5 text-sm font-bold whitespace-nowrap ${tones[tone]}`}
		>
			{children}
		</span>
	)
}

const statusTones: Record<UseCaseStatus, TagTone> = {
	DRAFT: 'neutral',
	SUBMITTED: 'info',
	IN_REVIEW: 'info',
	CHANGES_REQUESTED: 'warning',
	APPROVED: 'success',
	APPROVED_WITH_CONDITIONS: 'success',
	REJECTED: 'error',
	WITHDRAWN: 'neutral',
	RETIRED: 'neutral',
}

/** A use case's workflow status as a coloured tag. */
export function StatusTag({ status }: { status: UseCaseStatus }) {
	return <Tag tone={statusTones[status]}>{useCaseStatusLabels[status]}</Tag>
}
