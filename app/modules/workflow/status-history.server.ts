import { type UseCaseStatus } from '#app/generated/prisma/enums.ts'
import { type Tx } from '#app/utils/db/tx.ts'

/** Every status change is kept with its time, for time-in-state and throughput figures. */
export async function recordStatusChange(
	tx: Tx,
	change: {
		useCaseId: string
		from: UseCaseStatus
		to: UseCaseStatus
		actorId: string | null
		at?: Date
	},
) {
	await tx.useCaseStatusChange.create({
		data: {
			useCaseId: change.useCaseId,
			fromStatus: change.from,
			toStatus: change.to,
			actorId: change.actorId,
			changedAt: change.at ?? new Date(),
		},
	})
}
