/** A refused single sign-on: `reason` goes to the audit trail, `message` to the person. */
export class SingleSignOnError extends Error {
	constructor(
		readonly reason: string,
		message: string,
	) {
		super(message)
	}
}
