// `npm run evaluate`: runs the policy evaluation from a compiled bundle of scripts/evaluate.ts, so a
// call costs Node's start-up and the evaluation, not TypeScript's. The bundle is rebuilt with esbuild
// (the project's own, through Vite) when any file it was built from is newer than it, as scripts/start.js
// does for the app.
import { existsSync, readFileSync, statSync } from 'node:fs'
import module from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const root = path.resolve(import.meta.dirname, '..')
const entry = path.join(root, 'scripts/evaluate.ts')
const bundle = path.join(root, 'build/cli/evaluate.mjs')
const inputsFile = path.join(root, 'build/cli/evaluate.inputs.json')

function isStale() {
	if (!existsSync(bundle) || !existsSync(inputsFile)) return true
	const builtAt = statSync(bundle).mtimeMs
	const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'))
	return inputs.some((input) => {
		const file = path.join(root, input)
		return !existsSync(file) || statSync(file).mtimeMs > builtAt
	})
}

async function build() {
	const { build: esbuild } = await import('esbuild')
	const { mkdir, rename, writeFile } = await import('node:fs/promises')
	const result = await esbuild({
		entryPoints: [entry],
		outfile: bundle,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		minify: true,
		metafile: true,
		write: false,
		logLevel: 'warning',
		absWorkingDir: root,
	})
	// Written aside and renamed, so a call running at the same moment never reads half a bundle.
	await mkdir(path.dirname(bundle), { recursive: true })
	const temporary = `${bundle}.${process.pid}.tmp`
	await writeFile(temporary, result.outputFiles[0].contents)
	// The bundle's own inputs decide when it is stale; the lockfile stands for the dependencies' versions.
	const inputs = [
		...Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/')),
		'package-lock.json',
	]
	await writeFile(`${inputsFile}.${process.pid}.tmp`, `${JSON.stringify(inputs)}\n`)
	await rename(temporary, bundle)
	await rename(`${inputsFile}.${process.pid}.tmp`, inputsFile)
}

if (isStale()) await build()
// V8 keeps the compiled bundle between calls (Node 22.1+), which saves most of a call's start-up.
module.enableCompileCache?.(path.join(root, 'build/cli/compile-cache'))
await import(pathToFileURL(bundle).href)
