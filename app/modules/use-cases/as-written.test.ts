import { expect, test } from 'vitest'
import { asWrittenAfterEdit } from './as-written.ts'
import { UseCaseDocumentSchema } from './use-case-document.ts'

const imported = UseCaseDocumentSchema.parse({
	name: 'Correspondence triage',
	contactEmail: 'a@cms.hhs.gov',
	asWritten: {
		pia_url: 'PIA not publicly available',
		contact_email: 'a@cms.hhs.gov; b@cms.hhs.gov',
		classification: 'Other – Rules engine',
	},
})

test('an edit that leaves a question alone keeps its answer as written; answering it drops the written text', () => {
	const edited = UseCaseDocumentSchema.parse({
		...imported,
		piaUrl: 'https://www.hhs.gov/pia/triage.pdf',
		benefits: 'Faster replies.',
	})
	expect(asWrittenAfterEdit(imported, edited)).toEqual({
		contact_email: 'a@cms.hhs.gov; b@cms.hhs.gov',
		classification: 'Other – Rules engine',
	})
	const all = UseCaseDocumentSchema.parse({
		...edited,
		contactEmail: 'c@cms.hhs.gov',
		classification: 'NLP',
	})
	expect(asWrittenAfterEdit(imported, all)).toBeUndefined()
})
