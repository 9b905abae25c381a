import { readFileSync } from 'node:fs'

export type ReceivedMail = {
	receivedAt: string
	/** Envelope recipients, lower-case. */
	to: Array<string>
	from: string | null
	subject: string
	text: string
	html: string
}

function mailboxFile() {
	const file = process.env.E2E_MAILBOX_FILE
	if (!file)
		throw new Error('E2E_MAILBOX_FILE is not set: run the journeys through playwright.config.ts')
	return file
}

/** Every message the e2e mail server has received in this run, oldest first. */
function readMailbox(): Array<ReceivedMail> {
	return readFileSync(mailboxFile(), 'utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => JSON.parse(line) as ReceivedMail)
}

/** The messages one address has received, oldest first. */
export function mailTo(address: string): Array<ReceivedMail> {
	const wanted = address.toLowerCase()
	return readMailbox().filter((mail) => mail.to.includes(wanted))
}
