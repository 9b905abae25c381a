import { type AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

type ReceivedMail = {
	/** Envelope recipients (RCPT TO), lower-case. */
	to: Array<string>
	from: string | null
	subject: string
	text: string
	html: string
	headers: Record<string, string>
}

export type SmtpSink = {
	port: number
	/** smtp://127.0.0.1:<port>, what the app reads from SMTP_URL. */
	url: string
	messages: Array<ReceivedMail>
	stop(): Promise<void>
}

/**
 * A real SMTP server (nodemailer's smtp-server) on 127.0.0.1 that accepts every message and keeps
 * it, parsed, in `messages`. Plain SMTP without STARTTLS or AUTH, as a local relay would be.
 * `port: 0` picks a free port; passing a port again restarts a stopped sink on the same address.
 */
export async function startSmtpSink(
	options: { port?: number; refuseRecipient?: (address: string) => boolean } = {},
): Promise<SmtpSink> {
	const messages: Array<ReceivedMail> = []
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		// No reverse DNS lookup of the client: it is 127.0.0.1, and the lookup costs every connection time.
		disableReverseLookup: true,
		onRcptTo(address, _session, callback) {
			if (options.refuseRecipient?.(address.address.toLowerCase())) {
				callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }))
				return
			}
			callback()
		},
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					messages.push({
						to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
						html: typeof parsed.html === 'string' ? parsed.html : '',
						headers: Object.fromEntries(
							[...parsed.headers].map(([name, value]) => [
								name,
								typeof value === 'string' ? value : JSON.stringify(value),
							]),
						),
					})
					callback()
				})
				.catch((error: Error) => callback(error))
		},
	})
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
	})
	const port = (server.server.address() as AddressInfo).port
	return {
		port,
		url: `smtp://127.0.0.1:${port}`,
		messages,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	}
}
