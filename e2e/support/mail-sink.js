// A real SMTP server (nodemailer's smtp-server) for the end-to-end runs: it accepts every message
// the app sends and appends it, parsed, as one JSON line to a file that e2e/support/mailbox.ts reads.
import { appendFileSync } from 'node:fs'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/**
 * Listens on a free port of 127.0.0.1; resolves to { url, close }. Plain SMTP without STARTTLS or
 * AUTH, as a local relay would be.
 */
export async function startMailSink(mailboxFile) {
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		disableReverseLookup: true,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					const record = {
						receivedAt: new Date().toISOString(),
						to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
						html: typeof parsed.html === 'string' ? parsed.html : '',
					}
					appendFileSync(mailboxFile, `${JSON.stringify(record)}\n`)
					callback()
				})
				.catch((error) => callback(error))
		},
	})
	await new Promise((resolve, reject) => {
		server.once('error', reject)
		server.listen(0, '127.0.0.1', resolve)
	})
	const { port } = server.server.address()
	return {
		url: `smtp://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(resolve)),
	}
}
