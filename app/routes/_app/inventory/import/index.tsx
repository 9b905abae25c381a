import { useState } from 'react'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { DataTable } from '#app/components/data-table.tsx'
import { Button, CsrfInput, ErrorList } from '#app/components/forms.tsx'
import { listImportBatches, uploadImport } from '#app/modules/omb-exchange/import.server.ts'
import { MAX_IMPORT_BYTES, tooLargeMessage } from '#app/modules/omb-exchange/import-limits.ts'
import { AppError } from '#app/utils/errors.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { requestInfoContext } from '#app/utils/request-context.ts'
import type { Route } from './+types/index.ts'

export const meta: Route.MetaFunction = () => [
	{ title: 'Import an inventory file · AI Governance Tracker' },
]

export async function loader({ request }: Route.LoaderArgs) {
	await requireUserWithPermission(request, 'import:inventory:any')
	const discarded = new URL(request.url).searchParams.get('discarded') === '1'
	return { batches: await listImportBatches(), discarded }
}

// Multipart framing adds a little to the file itself.
const MAX_REQUEST_BYTES = MAX_IMPORT_BYTES + 64 * 1024

export async function action({ request, context }: Route.ActionArgs) {
	const actor = await requireUserWithPermission(request, 'import:inventory:any')
	const length = Number(request.headers.get('Content-Length') ?? 0)
	if (length > MAX_REQUEST_BYTES) return data({ error: tooLargeMessage(length) }, { status: 413 })
	let form: FormData
	try {
		form = await request.formData()
	} catch {
		return data({ error: 'The upload could not be read; choose the file again.' }, { status: 400 })
	}
	const file = form.get('file')
	if (!(file instanceof File) || file.size === 0)
		return data({ error: 'Choose a CSV file to import.' }, { status: 400 })
	try {
		// The browser's name for the file, kept to one printable line.
		const fileName = file.name.replace(/[\u0000-\u001F\u007F]/g, '_').slice(0, 255) || 'upload.csv'
		const batch = await uploadImport(
			actor,
			{ fileName, bytes: new Uint8Array(await file.arrayBuffer()) },
			context.get(requestInfoContext),
		)
		return redirect(`/inventory/import/${batch.id}`)
	} catch (error) {
		if (error instanceof AppError) return data({ error: error.message }, { status: error.status })
		throw error
	}
}

const dateTime = new Intl.DateTimeFormat('en-US', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'America/New_York',
})
const statusLabels = {
	PREVIEW: 'Checked, not imported',
	RUNNING: 'Importing',
	DONE: 'Imported',
	FAILED: 'Stopped',
} as const

export default function ImportInventory({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle' && navigation.formMethod === 'POST'
	// A file over the limit is refused here, before it is sent: the server would refuse it unread.
	const [tooLarge, setTooLarge] = useState<string | null>(null)
	const error = tooLarge ?? actionData?.error
	return (
		<div className="max-w-5xl space-y-8">
			<p>
				<Link to="/inventory">AI use case inventory</Link> ·{' '}
				<Link to="/inventory/export">Export</Link> ·{' '}
				<Link to="/inventory/cycles">Reporting years</Link>
			</p>
			<div className="space-y-2">
				<h1 className="text-3xl font-bold">Import an inventory file</h1>
				<p>
					Upload an AI use case inventory in OMB’s 2025 format: OMB’s column names or the Excel
					template’s questions, its valid selections or its CSV shorthand codes, saved as UTF-8 or
					by Excel. You will see every problem the file has, and what it would create or change,
					before anything is imported. Importing the same file again changes nothing.
				</p>
			</div>
			{loaderData.discarded ? (
				<p role="status" className="border-l-4 border-primary bg-primary-lighter p-3">
					The preview was discarded; nothing was imported.
				</p>
			) : null}
			<Form
				method="post"
				encType="multipart/form-data"
				className="space-y-4"
				onSubmit={(event) => {
					const input = event.currentTarget.elements.namedItem('file')
					if (!(input instanceof HTMLInputElement)) return
					const file = input.files?.[0]
					if (file && file.size > MAX_IMPORT_BYTES) {
						event.preventDefault()
						setTooLarge(tooLargeMessage(file.size))
						input.focus()
					} else setTooLarge(null)
				}}
			>
				<CsrfInput />
				<div>
					<label htmlFor="import-file" className="block font-semibold">
						Inventory file (CSV, at most 5 MB)
					</label>
					<p id="import-file-hint" className="text-sm text-base-dark">
						For example an agency’s published inventory, or a file this tracker exported.
					</p>
					<input
						id="import-file"
						name="file"
						type="file"
						accept=".csv,text/csv"
						required
						aria-describedby={error ? 'import-file-hint import-file-error' : 'import-file-hint'}
						aria-invalid={error ? true : undefined}
						className="mt-1 block"
					/>
					<ErrorList id="import-file-error" errors={error ? [error] : null} />
				</div>
				<Button disabled={busy}>{busy ? 'Checking the file…' : 'Check the file'}</Button>
			</Form>

			<section aria-labelledby="recent-heading" className="space-y-3">
				<h2 id="recent-heading" className="text-2xl font-bold">
					Recent imports
				</h2>
				{loaderData.batches.length === 0 ? (
					<p>No file has been imported yet.</p>
				) : (
					<DataTable
						caption="Recent imports"
						rows={loaderData.batches}
						rowKey={(batch) => batch.id}
						columns={[
							{
								header: 'File',
								cell: (batch) => <Link to={`/inventory/import/${batch.id}`}>{batch.fileName}</Link>,
							},
							{ header: 'Status', cell: (batch) => statusLabels[batch.status] },
							{ header: 'Rows', cell: (batch) => batch.total },
							{
								header: 'Result',
								cell: (batch) =>
									batch.status === 'DONE'
										? `${batch.created} created, ${batch.updated} updated, ${batch.unchanged} unchanged, ${batch.skipped} skipped`
										: '—',
							},
							{
								header: 'Uploaded',
								cell: (batch) =>
									`${dateTime.format(new Date(batch.startedAt))} by ${batch.startedBy.name}`,
							},
						]}
					/>
				)}
			</section>
		</div>
	)
}
