import { Link } from 'react-router'
import { reportProblemHref } from '#app/components/public-shell.tsx'
import { DEFAULT_PUBLIC_EMAIL } from '#app/modules/omb-exchange/omb-export.ts'
import { publicPageMeta } from '#app/modules/public-site/public-route.ts'
import type { Route } from './+types/accessibility.ts'

export const meta: Route.MetaFunction = ({ matches, location }) =>
	publicPageMeta(matches, location, {
		title: 'Accessibility statement',
		description:
			'CMS’s commitment to making its AI inventory site accessible to everyone, how it is tested, and how to report a barrier.',
	})

export default function PublicAccessibility() {
	return (
		<div className="max-w-3xl space-y-6">
			<h1 className="text-3xl font-bold">Accessibility statement</h1>
			<p>
				The Centers for Medicare &amp; Medicaid Services is committed to making this site accessible
				to everyone, including people with disabilities, as Section 508 of the Rehabilitation Act
				requires. The site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level
				AA.
			</p>
			<section aria-labelledby="how-heading" className="space-y-2">
				<h2 id="how-heading" className="text-xl font-bold">
					How the site is built and tested
				</h2>
				<ul className="list-disc space-y-1 pl-6">
					<li>
						Every page works with a keyboard alone, shows where the focus is, and offers a link to
						skip to its main content.
					</li>
					<li>
						Every page works without JavaScript: searching, filtering, sorting and paging are
						ordinary links and forms.
					</li>
					<li>
						Every chart has a table view with the same numbers, and its values are written on the
						chart rather than shown only by length or colour.
					</li>
					<li>
						Text and controls meet the contrast ratios WCAG 2.1 AA requires; the site uses the U.S.
						Web Design System’s colours and the Public Sans typeface.
					</li>
					<li>
						Each release is checked automatically with the axe accessibility engine on every page of
						this site.
					</li>
					<li>
						The inventory is also available as{' '}
						<Link to="/public/downloads">CSV and JSON files</Link>, for screen-reader users who
						prefer a spreadsheet or their own tools.
					</li>
				</ul>
			</section>
			<section aria-labelledby="report-heading" className="space-y-2">
				<h2 id="report-heading" className="text-xl font-bold">
					Report a barrier
				</h2>
				<p>
					If something on this site is hard or impossible for you to use, tell us which page and
					what happened: e-mail{' '}
					<a href={reportProblemHref('/public/accessibility')}>{DEFAULT_PUBLIC_EMAIL}</a>. We answer
					within five business days, and will send you the information you need in a form you can
					use.
				</p>
				<p>
					You may also file a complaint under Section 508 with CMS’s Office of Equal Opportunity and
					Civil Rights, or read{' '}
					<a href="https://www.cms.gov/about-cms/web-policies-important-links/accessibility-nondiscrimination-disclosures">
						CMS’s accessibility and nondiscrimination notices
					</a>
					.
				</p>
			</section>
		</div>
	)
}
