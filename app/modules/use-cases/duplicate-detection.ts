// Finds registered use cases that look like the one being written, so people join an existing
// case instead of registering the same AI twice. Pure scoring; the server supplies candidates.

export type DuplicateProbe = {
	name: string
	problemSolved?: string | null
	datasetIds?: ReadonlyArray<string>
	vendorNames?: ReadonlyArray<string>
}

export type DuplicateCandidate = DuplicateProbe & { id: string; trackingId: string }

export type DuplicateMatch = {
	id: string
	trackingId: string
	name: string
	score: number
	reasons: Array<string>
}

export const DUPLICATE_THRESHOLD = 0.4

// Filler, and the names of techniques: two teams can solve the same problem with an "LLM" and an
// "NLP model", and the technique says nothing about which business problem is solved.
const stopWords = new Set(
	[
		'a an and the of for to in on with by from at as is are be using use uses based via into',
		'model models system tool ai ml llm llms nlp genai generative machine learning artificial intelligence',
	]
		.join(' ')
		.split(' '),
)

// Words that mean the same thing in CMS use-case names. Maps, not objects: they are looked up by
// whatever words people write, and "constructor" must not find Object.prototype's.
const synonyms = new Map(
	Object.entries({
		summarizer: 'summar',
		summariser: 'summar',
		summarization: 'summar',
		summarisation: 'summar',
		summary: 'summar',
		summaries: 'summar',
		detection: 'detect',
		detecting: 'detect',
		detector: 'detect',
		chatbot: 'chat',
		assistant: 'chat',
		centre: 'center',
		verification: 'verify',
		proofing: 'verify',
		authorisation: 'authorization',
	}),
)

// CMS acronyms, spelled out so that "PDE" and "prescription drug event" meet.
const acronyms = new Map(
	Object.entries({
		pde: 'prescription drug event',
		ffs: 'medicare fee for service',
		ma: 'medicare advantage',
		tmsis: 't msis medicaid',
		hr: 'human resources',
		ffe: 'federally facilitated exchange marketplace',
		npi: 'national provider identifier',
	}),
)

function words(text: string) {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9\s]/g, ' ')
		.split(/\s+/)
		.flatMap((word) => (acronyms.get(word) ?? word).split(' '))
		.filter((word) => word.length > 1 && !stopWords.has(word))
		.map((word) => synonyms.get(word) ?? word.replace(/(ies|es|s)$/, ''))
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>) {
	if (a.size === 0 || b.size === 0) return 0
	let shared = 0
	for (const item of a) if (b.has(item)) shared++
	return shared / (a.size + b.size - shared)
}

function trigrams(text: string) {
	const padded = `  ${text} `
	const grams = new Set<string>()
	for (let i = 0; i < padded.length - 2; i++) grams.add(padded.slice(i, i + 3))
	return grams
}

function diceOfTrigrams(a: string, b: string) {
	const left = trigrams(a)
	const right = trigrams(b)
	if (left.size === 0 || right.size === 0) return 0
	let shared = 0
	for (const gram of left) if (right.has(gram)) shared++
	return (2 * shared) / (left.size + right.size)
}

function nameSimilarity(a: string, b: string) {
	const wordsA = words(a)
	const wordsB = words(b)
	const byWords = jaccard(new Set(wordsA), new Set(wordsB))
	const byLetters = diceOfTrigrams(wordsA.join(' '), wordsB.join(' '))
	return Math.max(byWords, byLetters)
}

const normaliseVendor = (vendor: string) =>
	vendor
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.replace(/\b(inc|llc|corp|corporation|co|ltd|company)\b/g, '')
		.trim()

export function scoreDuplicate(
	probe: DuplicateProbe,
	candidate: DuplicateCandidate,
): DuplicateMatch {
	const reasons: Array<string> = []
	const nameScore = nameSimilarity(probe.name, candidate.name)
	if (nameScore >= 0.4) reasons.push(`name ${Math.round(nameScore * 100)}% similar`)

	const problemScore =
		probe.problemSolved && candidate.problemSolved
			? jaccard(new Set(words(probe.problemSolved)), new Set(words(candidate.problemSolved)))
			: 0
	if (problemScore >= 0.3)
		reasons.push(`problem described ${Math.round(problemScore * 100)}% alike`)

	const candidateDatasets = new Set(candidate.datasetIds ?? [])
	const sharedDatasets = (probe.datasetIds ?? []).filter((id) => candidateDatasets.has(id)).length
	if (sharedDatasets > 0)
		reasons.push(
			sharedDatasets === 1 ? '1 dataset in common' : `${sharedDatasets} datasets in common`,
		)

	const candidateVendors = new Map(
		(candidate.vendorNames ?? []).map((v) => [normaliseVendor(v), v]),
	)
	const sharedVendor = (probe.vendorNames ?? [])
		.map(normaliseVendor)
		.find((v) => v && candidateVendors.has(v))
	if (sharedVendor) reasons.push(`same vendor: ${candidateVendors.get(sharedVendor)}`)

	// The name carries most weight; a like problem, shared data and the same vendor raise a near
	// miss over the line.
	const score = Math.min(
		1,
		0.75 * nameScore +
			0.25 * problemScore +
			0.15 * Math.min(1, sharedDatasets / 2) +
			(sharedVendor ? 0.15 : 0),
	)
	return {
		id: candidate.id,
		trackingId: candidate.trackingId,
		name: candidate.name,
		score,
		reasons,
	}
}

/** Candidates that look like the probe, most alike first. */
export function findLikelyDuplicates(
	probe: DuplicateProbe,
	candidates: ReadonlyArray<DuplicateCandidate>,
	{ limit = 5, threshold = DUPLICATE_THRESHOLD } = {},
): Array<DuplicateMatch> {
	if (words(probe.name).length === 0 && !probe.problemSolved) return []
	return candidates
		.map((candidate) => scoreDuplicate(probe, candidate))
		.filter((match) => match.score >= threshold)
		.sort((a, b) => b.score - a.score)
		.slice(0, limit)
}

/**
 * Candidates indexed by the words of their names, for scoring many probes (an imported file's rows)
 * against many cases: each probe is scored only against the cases that share a word with its name.
 */
export type DuplicateIndex<Candidate extends DuplicateCandidate> = {
	candidates: ReadonlyArray<Candidate>
	byWord: Map<string, Array<number>>
}

export function indexDuplicateCandidates<Candidate extends DuplicateCandidate>(
	candidates: ReadonlyArray<Candidate>,
): DuplicateIndex<Candidate> {
	const byWord = new Map<string, Array<number>>()
	candidates.forEach((candidate, position) => {
		for (const word of new Set(words(candidate.name))) {
			const list = byWord.get(word)
			if (list) list.push(position)
			else byWord.set(word, [position])
		}
	})
	return { candidates, byWord }
}

/** The indexed candidates that look like the probe, most alike first (the same scores as findLikelyDuplicates). */
export function findIndexedDuplicates<Candidate extends DuplicateCandidate>(
	probe: DuplicateProbe,
	index: DuplicateIndex<Candidate>,
	{
		limit = 5,
		threshold = DUPLICATE_THRESHOLD,
		exclude,
	}: { limit?: number; threshold?: number; exclude?: (candidate: Candidate) => boolean } = {},
): Array<DuplicateMatch & { candidate: Candidate }> {
	const shared = new Set<number>()
	for (const word of new Set(words(probe.name)))
		for (const position of index.byWord.get(word) ?? []) shared.add(position)
	const matches: Array<DuplicateMatch & { candidate: Candidate }> = []
	for (const position of shared) {
		const candidate = index.candidates[position]!
		if (exclude?.(candidate)) continue
		const match = scoreDuplicate(probe, candidate)
		if (match.score >= threshold) matches.push({ ...match, candidate })
	}
	return matches.sort((a, b) => b.score - a.score).slice(0, limit)
}
