// docs/use-case-json.md is the contract other teams read; these tests keep it true to the schema.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { z } from 'zod'
import { withGeneratedBlocks } from './question-docs.ts'
import { StrictUseCaseDocumentSchema, UseCaseDocumentSchema } from './use-case-document.ts'
import {
	affectedParties,
	codeSharingDecisions,
	contactRoles,
	datasetCategories,
	datasetSensitivities,
	datasetUsages,
	decisionRoles,
	hostingOptions,
	informedDecisions,
	minimumPracticeKeys,
	ombMultipleChoiceColumns,
	part2ConsentBases,
} from './vocabulary.ts'

const doc = readFileSync('docs/use-case-json.md', 'utf8')
const exampleFile = readFileSync('docs/examples/call-centre-summariser.json', 'utf8')

/** The object schema inside optional, default and array wrappers, if there is one. */
function objectInside(schema: z.ZodType): z.ZodObject | null {
	if (schema instanceof z.ZodObject) return schema
	if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
		return objectInside(schema.unwrap() as z.ZodType)
	if (schema instanceof z.ZodArray) return objectInside(schema.element as z.ZodType)
	return null
}

test('the example in the document is the example file, and it is a valid strict document', () => {
	const embedded = /## Full example[\s\S]*?```json\n([\s\S]*?)\n```/.exec(doc)?.[1]
	expect(embedded).toBeDefined()
	expect(JSON.parse(embedded ?? '')).toEqual(JSON.parse(exampleFile))
	expect(StrictUseCaseDocumentSchema.safeParse(JSON.parse(exampleFile)).success).toBe(true)
})

test('every field of the schema, at every depth, is documented', () => {
	const undocumented: Array<string> = []
	const mentioned = (...names: Array<string>) =>
		names.some((name) => doc.includes(`\`${name}\``) || doc.includes(`\`${name}[]\``))
	for (const [key, schema] of Object.entries(UseCaseDocumentSchema.shape)) {
		if (!mentioned(key)) undocumented.push(key)
		const inner = objectInside(schema as z.ZodType)
		for (const innerKey of Object.keys(inner?.shape ?? {})) {
			if (!mentioned(`${key}.${innerKey}`, innerKey)) undocumented.push(`${key}.${innerKey}`)
		}
	}
	expect(undocumented).toEqual([])
})

test('every answer key is listed among the documented values', () => {
	const keyLists = [
		...Object.values(ombMultipleChoiceColumns).map((choices) => Object.keys(choices)),
		decisionRoles,
		affectedParties,
		informedDecisions,
		hostingOptions,
		datasetCategories,
		datasetSensitivities,
		datasetUsages,
		contactRoles,
		part2ConsentBases,
		codeSharingDecisions,
		minimumPracticeKeys,
	]
	const missing = keyLists.flat().filter((key) => !doc.includes(`| \`${key}\` |`))
	expect(missing).toEqual([])
})

test('the document names the command it feeds', () => {
	expect(doc).toContain('npm run --silent evaluate -- case.json')
})

test('the question and value tables are the ones the registry writes (npm run docs:questions)', () => {
	expect(doc).toBe(withGeneratedBlocks(doc))
})
