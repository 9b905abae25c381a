import { type RefObject, useCallback, useEffect, useRef } from 'react'
import { type Blocker, useBeforeUnload, useBlocker } from 'react-router'
import { Button } from '#app/components/forms.tsx'

/** Fields a form carries for the server's sake, not the person's answers. */
const NOT_ANSWERS = new Set(['csrf', 'version', 'respond', 'intent', '__intent__'])

/**
 * A field marked `data-not-an-answer` is a control of the form, not an answer (the chooser of a
 * dataset to add, shown in one section only): its appearing with a section is no unsaved change.
 */
const notAnAnswer = (form: HTMLFormElement) =>
	new Set(
		Array.from(form.querySelectorAll('[data-not-an-answer]'), (element) =>
			element.getAttribute('name'),
		),
	)

/** A form's answers as one string, to tell whether anything changed since the last save. */
export function answersOf(form: HTMLFormElement): string {
	const answers = new URLSearchParams()
	const controls = notAnAnswer(form)
	for (const [name, value] of new FormData(form)) {
		if (!NOT_ANSWERS.has(name) && !controls.has(name) && typeof value === 'string')
			answers.append(name, value)
	}
	return answers.toString()
}

/**
 * The answers the form was rendered with, from each field's default (its HTML), whatever has been
 * typed since: text typed before the page's script took over is not mistaken for saved.
 */
function renderedAnswersOf(form: HTMLFormElement): string {
	const answers = new URLSearchParams()
	for (const element of Array.from(form.elements)) {
		if (!(
			element instanceof HTMLInputElement ||
			element instanceof HTMLSelectElement ||
			element instanceof HTMLTextAreaElement
		))
			continue
		const name = element.name
		if (
			!name ||
			NOT_ANSWERS.has(name) ||
			element.hasAttribute('data-not-an-answer') ||
			element.matches(':disabled')
		)
			continue
		if (element instanceof HTMLSelectElement) {
			const options = Array.from(element.options).filter((option) => !option.disabled)
			const chosen = options.filter((option) => option.defaultSelected)
			// A single choice with none marked shows its first option, as the browser does.
			const shown = chosen.length || element.multiple ? chosen : options.slice(0, 1)
			for (const option of shown) answers.append(name, option.value)
		} else if (element instanceof HTMLInputElement && BUTTON_TYPES.has(element.type)) {
			continue
		} else if (
			element instanceof HTMLInputElement &&
			(element.type === 'checkbox' || element.type === 'radio')
		) {
			if (element.defaultChecked) answers.append(name, element.value)
		} else {
			answers.append(name, element.defaultValue)
		}
	}
	return answers.toString()
}
const BUTTON_TYPES = new Set(['submit', 'button', 'reset', 'image', 'file'])

/**
 * Keeps a person from losing answers they have not saved: leaving the page for another one of the
 * app asks first (in the page, `LeaveWithoutSaving`), and closing or reloading the tab asks through
 * the browser. Moving between the form's own sections (the same page) never asks. The caller tells
 * what was last saved with `markSaved(answersOf(sent form))`.
 */
export function useUnsavedAnswers(formRef: RefObject<HTMLFormElement | null>) {
	const saved = useRef<string | null>(null)
	useEffect(() => {
		if (formRef.current && saved.current === null)
			saved.current = renderedAnswersOf(formRef.current)
	}, [formRef])
	const hasUnsaved = useCallback(
		() =>
			formRef.current !== null &&
			saved.current !== null &&
			answersOf(formRef.current) !== saved.current,
		[formRef],
	)
	const markSaved = useCallback((answers: string) => {
		saved.current = answers
	}, [])
	const blocker = useBlocker(
		({ currentLocation, nextLocation }) =>
			currentLocation.pathname !== nextLocation.pathname && hasUnsaved(),
	)
	useBeforeUnload(
		useCallback(
			(event) => {
				if (hasUnsaved()) event.preventDefault()
			},
			[hasUnsaved],
		),
	)
	return { blocker, markSaved }
}

/** The question the page asks before leaving unsaved answers behind. */
export function LeaveWithoutSaving({
	blocker,
	saveLabel,
}: {
	blocker: Blocker
	saveLabel: string
}) {
	const dialog = useRef<HTMLDialogElement>(null)
	const blocked = blocker.state === 'blocked'
	useEffect(() => {
		const element = dialog.current
		if (!element) return
		if (blocked && !element.open) element.showModal()
		if (!blocked && element.open) element.close()
	}, [blocked])
	return (
		<dialog
			ref={dialog}
			aria-labelledby="leave-without-saving-title"
			aria-describedby="leave-without-saving-text"
			// Escape keeps the person on the page, as "Stay" does.
			onCancel={() => blocker.reset?.()}
			className="m-auto max-w-lg border-l-8 border-warning-dark bg-white p-6 shadow-lg backdrop:bg-black/50"
		>
			<h2 id="leave-without-saving-title" className="text-xl font-bold">
				Leave without saving?
			</h2>
			<p id="leave-without-saving-text" className="mt-2">
				Some answers on this page are not saved yet. Stay and press “{saveLabel}” to keep them, or
				leave and lose them.
			</p>
			<div className="mt-4 flex flex-wrap gap-4">
				{/* The safe choice comes first, so the dialog opens with it focused and Enter throws nothing away. */}
				<Button type="button" onClick={() => blocker.reset?.()}>
					Stay on this page
				</Button>
				<Button type="button" variant="secondary" onClick={() => blocker.proceed?.()}>
					Leave without saving
				</Button>
			</div>
		</dialog>
	)
}
