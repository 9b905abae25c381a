import { expect, test } from 'vitest'
import { formBodyProblem, MAX_FORM_LIST_INDEX, peekForm } from './form-body.server.ts'

const post = (body: BodyInit, contentType?: string) =>
	new Request('http://localhost/use-cases/some-case', {
		method: 'POST',
		body,
		headers: contentType ? { 'Content-Type': contentType } : {},
	})

test('a page’s own forms pass, urlencoded or multipart, with list positions a form really uses', async () => {
	expect(
		await formBodyProblem(
			post(new URLSearchParams({ 'conditions[0].text': 'a', 'datasets[99].id': 'x' })),
		),
	).toBeNull()
	const form = new FormData()
	form.append(`conditions[${MAX_FORM_LIST_INDEX}].text`, 'a')
	expect(await formBodyProblem(post(form))).toBeNull()
})

test('an absurd list position is refused before a parser allocates an array that long', async () => {
	const problem = await formBodyProblem(
		post('conditions[0].text=a&conditions[99999999].text=b&outcome=APPROVED'),
	)
	// A string body is sent as text/plain unless told otherwise; say it is a form.
	expect(problem?.status).toBe(415)
	expect(
		await formBodyProblem(
			post('conditions[0].text=a&conditions[99999999].text=b', 'application/x-www-form-urlencoded'),
		),
	).toEqual({ status: 400, message: expect.stringContaining('list position past 999') })
	expect(
		(await formBodyProblem(post(`email[1000]=a&password=b`, 'application/x-www-form-urlencoded')))
			?.status,
	).toBe(400)
})

test('a body that is not a form, or a broken multipart body, is answered 415 or 400, not left to the action', async () => {
	expect((await formBodyProblem(post('{"note":"x"}', 'application/json')))?.status).toBe(415)
	expect((await formBodyProblem(post('note=x', 'text/plain')))?.status).toBe(415)
	expect((await formBodyProblem(post('')))?.status).toBe(415)
	expect(
		(await formBodyProblem(post('--x\r\nContent-Disposition: form-da', 'multipart/form-data')))
			?.status,
	).toBe(400)
	expect(
		(
			await formBodyProblem(
				post(
					'--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx',
					'multipart/form-data; boundary=b',
				),
			)
		)?.status,
	).toBe(400)
})

test('the middlewares read a form once, and the action still reads it whole', async () => {
	const request = post(
		new URLSearchParams({ csrf: 'token', name: 'Claims triage' }),
		'application/x-www-form-urlencoded',
	)
	const first = peekForm(request)
	expect(peekForm(request)).toBe(first)
	expect((await first)?.get('csrf')).toBe('token')
	expect(await formBodyProblem(request)).toBeNull()
	expect(Object.fromEntries(await request.formData())).toEqual({
		csrf: 'token',
		name: 'Claims triage',
	})
	expect(await peekForm(post('{"csrf":"token"}', 'application/json'))).toBeNull()
})
