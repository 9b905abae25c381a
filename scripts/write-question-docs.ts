// `npm run docs:questions`: rewrites the question and value tables of docs/use-case-json.md from the
// question registry (app/modules/use-cases/field-rules.ts).
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { withGeneratedBlocks } from '#app/modules/use-cases/question-docs.ts'

const file = path.resolve(import.meta.dirname, '../docs/use-case-json.md')
writeFileSync(file, withGeneratedBlocks(readFileSync(file, 'utf8')))
console.log(`Wrote the question tables of ${path.relative(process.cwd(), file)}`)
