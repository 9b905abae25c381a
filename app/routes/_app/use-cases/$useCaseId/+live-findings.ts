// The findings the edit form's unsaved answers would give, asked for shortly after each change.
import { useCallback, useEffect, useRef, useState } from 'react'
import { type Evaluation } from '#app/modules/policies/evaluate.ts'

const DELAY_AFTER_CHANGE_MS = 400

/**
 * The preview is asked for outside React Router on purpose. It changes nothing, so no page data
 * needs reading again after it; and a router submission that finished while a save's reload was
 * under way would make the router drop that reload, leaving the page on the answers of before the
 * save (a submission still finding its route cannot even be cancelled).
 */
export function useLiveFindings(useCaseId: string) {
	const [evaluation, setEvaluation] = useState<Evaluation | null>(null)
	const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
	const inFlight = useRef<AbortController | null>(null)
	const changedSinceSave = useRef(false)

	const cancel = useCallback(() => {
		clearTimeout(timer.current)
		inFlight.current?.abort()
		inFlight.current = null
	}, [])

	const request = useCallback(
		(form: HTMLFormElement | null) => {
			cancel()
			changedSinceSave.current = true
			if (!form) return
			timer.current = setTimeout(() => {
				const body = new URLSearchParams()
				for (const [name, value] of new FormData(form)) {
					if (typeof value === 'string') body.append(name, value)
				}
				const controller = new AbortController()
				inFlight.current = controller
				fetch(`/use-cases/${useCaseId}/findings-preview`, {
					method: 'POST',
					body,
					signal: controller.signal,
				})
					.then(async (response) => {
						// 422: an answer is half typed, and the findings of the saved answers are shown meanwhile.
						if (!response.ok && response.status !== 422) return
						const answer = (await response.json()) as { evaluation: Evaluation | null }
						if (!controller.signal.aborted) setEvaluation(answer.evaluation)
					})
					// A preview that fails or is superseded leaves the findings as they were.
					.catch(() => undefined)
					.finally(() => {
						if (inFlight.current === controller) inFlight.current = null
					})
			}, DELAY_AFTER_CHANGE_MS)
		},
		[cancel, useCaseId],
	)

	/** A save goes out: no preview asked for before it may land after it. */
	const saveSent = useCallback(() => {
		cancel()
		changedSinceSave.current = false
	}, [cancel])

	/**
	 * A save has been answered: the page's own findings, read again with it, are shown, unless the
	 * answers have changed since it went out (their preview is on its way).
	 */
	const saveAnswered = useCallback(() => {
		if (!changedSinceSave.current) setEvaluation(null)
	}, [])

	useEffect(() => cancel, [cancel])

	return { evaluation, request, saveSent, saveAnswered }
}
