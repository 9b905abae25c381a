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

/**
 * Words and letter trigrams as numbers, each distinct text once: comparing two texts is then a merge
 * of two sorted arrays of numbers, not a walk over string sets built anew for every pair. An import
 * compares thousands of rows with thousands of cases, and each case's words are worked out once.
 */
type Interner = {
	ids: Map<string, number>
	/** A probe's own texts, numbered apart (below zero) so that scoring it leaves an index's numbering as it was. */
	probeIds?: Map<string, number>
}

const newInterner = (): Interner => ({ ids: new Map() })
const probeInterner = (index: Interner): Interner => ({ ids: index.ids, probeIds: new Map() })

function internedSet(interner: Interner, items: Iterable<string>) {
	const numbered = new Set<number>()
	for (const item of items) {
		let id = interner.ids.get(item)
		if (id === undefined && interner.probeIds) {
			id = interner.probeIds.get(item)
			if (id === undefined) interner.probeIds.set(item, (id = -1 - interner.probeIds.size))
		} else if (id === undefined) interner.ids.set(item, (id = interner.ids.size))
		numbered.add(id)
	}
	return Int32Array.from(numbered).sort()
}

function sharedCount(a: Int32Array, b: Int32Array) {
	let shared = 0
	let i = 0
	let j = 0
	while (i < a.length && j < b.length) {
		const left = a[i]!
		const right = b[j]!
		if (left === right) {
			shared++
			i++
			j++
		} else if (left < right) i++
		else j++
	}
	return shared
}

function jaccard(a: Int32Array, b: Int32Array) {
	if (a.length === 0 || b.length === 0) return 0
	const shared = sharedCount(a, b)
	return shared / (a.length + b.length - shared)
}

function dice(a: Int32Array, b: Int32Array) {
	if (a.length === 0 || b.length === 0) return 0
	return (2 * sharedCount(a, b)) / (a.length + b.length)
}

function trigrams(text: string) {
	const padded = `  ${text} `
	const grams: Array<string> = []
	for (let i = 0; i < padded.length - 2; i++) grams.push(padded.slice(i, i + 3))
	return grams
}

const normaliseVendor = (vendor: string) =>
	vendor
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.replace(/\b(inc|llc|corp|corporation|co|ltd|company)\b/g, '')
		.trim()

/** What scoring reads of a probe or a candidate, worked out once. */
type Features = {
	nameWords: Int32Array
	nameLetters: Int32Array
	problemWords: Int32Array | null
	datasetIds: ReadonlyArray<string>
	/** Normalised vendor name → the name as written. */
	vendors: Map<string, string>
}

function featuresOf(probe: DuplicateProbe, interner: Interner): Features {
	const nameWords = words(probe.name)
	return {
		nameWords: internedSet(interner, nameWords),
		nameLetters: internedSet(interner, trigrams(nameWords.join(' '))),
		problemWords: probe.problemSolved ? internedSet(interner, words(probe.problemSolved)) : null,
		datasetIds: probe.datasetIds ?? [],
		vendors: new Map((probe.vendorNames ?? []).map((v) => [normaliseVendor(v), v])),
	}
}

/** The measures of likeness behind a score, before any words are put to them. */
function likeness(probe: Features, candidate: Features) {
	const nameScore = Math.max(
		jaccard(probe.nameWords, candidate.nameWords),
		dice(probe.nameLetters, candidate.nameLetters),
	)
	const problemScore =
		probe.problemWords && candidate.problemWords
			? jaccard(probe.problemWords, candidate.problemWords)
			: 0
	let sharedDatasets = 0
	if (probe.datasetIds.length > 0 && candidate.datasetIds.length > 0) {
		const candidateDatasets = new Set(candidate.datasetIds)
		sharedDatasets = probe.datasetIds.filter((id) => candidateDatasets.has(id)).length
	}
	let sharedVendor: string | undefined
	for (const vendor of probe.vendors.keys())
		if (vendor && candidate.vendors.has(vendor)) {
			sharedVendor = vendor
			break
		}
	// The name carries most weight; a like problem, shared data and the same vendor raise a near
	// miss over the line.
	const score = Math.min(
		1,
		0.75 * nameScore +
			0.25 * problemScore +
			0.15 * Math.min(1, sharedDatasets / 2) +
			(sharedVendor ? 0.15 : 0),
	)
	return { nameScore, problemScore, sharedDatasets, sharedVendor, score }
}

function matchOf(
	measures: ReturnType<typeof likeness>,
	candidate: Features,
	target: { id: string; trackingId: string; name: string },
): DuplicateMatch {
	const { nameScore, problemScore, sharedDatasets, sharedVendor, score } = measures
	const reasons: Array<string> = []
	if (nameScore >= 0.4) reasons.push(`name ${Math.round(nameScore * 100)}% similar`)
	if (problemScore >= 0.3)
		reasons.push(`problem described ${Math.round(problemScore * 100)}% alike`)
	if (sharedDatasets > 0)
		reasons.push(
			sharedDatasets === 1 ? '1 dataset in common' : `${sharedDatasets} datasets in common`,
		)
	if (sharedVendor) reasons.push(`same vendor: ${candidate.vendors.get(sharedVendor)}`)
	return { id: target.id, trackingId: target.trackingId, name: target.name, score, reasons }
}

function scoreFeatures(
	probe: Features,
	candidate: Features,
	target: { id: string; trackingId: string; name: string },
): DuplicateMatch {
	return matchOf(likeness(probe, candidate), candidate, target)
}

export function scoreDuplicate(
	probe: DuplicateProbe,
	candidate: DuplicateCandidate,
): DuplicateMatch {
	const interner = newInterner()
	return scoreFeatures(featuresOf(probe, interner), featuresOf(candidate, interner), candidate)
}

/** Candidates that look like the probe, most alike first. */
export function findLikelyDuplicates(
	probe: DuplicateProbe,
	candidates: ReadonlyArray<DuplicateCandidate>,
	{ limit = 5, threshold = DUPLICATE_THRESHOLD } = {},
): Array<DuplicateMatch> {
	if (words(probe.name).length === 0 && !probe.problemSolved) return []
	const interner = newInterner()
	const probed = featuresOf(probe, interner)
	return candidates
		.map((candidate) => scoreFeatures(probed, featuresOf(candidate, interner), candidate))
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
	features: ReadonlyArray<Features>
	interner: Interner
	/** The positions of the candidates whose names hold a word, by the word's number. */
	byWord: Map<number, Array<number>>
	/** Which probe last reached each candidate: gathering the candidates a probe shares words with, without a set. */
	lastProbe: Int32Array
	probes: number
}

export function indexDuplicateCandidates<Candidate extends DuplicateCandidate>(
	candidates: ReadonlyArray<Candidate>,
): DuplicateIndex<Candidate> {
	const interner = newInterner()
	const features = candidates.map((candidate) => featuresOf(candidate, interner))
	const byWord = new Map<number, Array<number>>()
	features.forEach(({ nameWords }, position) => {
		for (const word of nameWords) {
			const list = byWord.get(word)
			if (list) list.push(position)
			else byWord.set(word, [position])
		}
	})
	return {
		candidates,
		features,
		interner,
		byWord,
		lastProbe: new Int32Array(candidates.length),
		probes: 0,
	}
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
	const probed = featuresOf(probe, probeInterner(index.interner))
	const probeNumber = ++index.probes
	const shared: Array<number> = []
	for (const word of probed.nameWords)
		for (const position of index.byWord.get(word) ?? [])
			if (index.lastProbe[position] !== probeNumber) {
				index.lastProbe[position] = probeNumber
				shared.push(position)
			}
	const likely: Array<{ position: number; measures: ReturnType<typeof likeness> }> = []
	for (const position of shared) {
		if (exclude?.(index.candidates[position]!)) continue
		const measures = likeness(probed, index.features[position]!)
		if (measures.score >= threshold) likely.push({ position, measures })
	}
	// Equally alike candidates keep the order they were indexed in, so a file previewed and then
	// imported finds the same one.
	return likely
		.sort((a, b) => b.measures.score - a.measures.score || a.position - b.position)
		.slice(0, limit)
		.map(({ position, measures }) => {
			const candidate = index.candidates[position]!
			return { ...matchOf(measures, index.features[position]!, candidate), candidate }
		})
}
