// Any other address under /public: the public site's own "page not found", inside its frame.
export function loader() {
	throw new Response('Not found', { status: 404 })
}

export default function PublicNotFound() {
	return null
}
