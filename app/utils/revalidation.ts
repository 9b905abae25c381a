// The edit page's live findings preview posts the form to be read, never saved: after it, nothing a
// loader shows has changed, so the routes on the page skip the reload an action normally causes.
import { type ShouldRevalidateFunction } from 'react-router'

export const FINDINGS_PREVIEW_PATH = 'findings-preview'

export function isFindingsPreview(formAction: string | undefined) {
	return formAction?.endsWith(`/${FINDINGS_PREVIEW_PATH}`) ?? false
}

/** React Router's default, except after a findings preview. */
export const revalidateUnlessFindingsPreview: ShouldRevalidateFunction = ({
	formAction,
	defaultShouldRevalidate,
}) => (isFindingsPreview(formAction) ? false : defaultShouldRevalidate)
