// How large an inventory file may be: read by the import (server) and by the upload form (browser),
// which refuses a larger file before sending it.

/** Agencies' inventory files run to a few hundred rows; OMB's consolidated file of every agency is about 3 MB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

/** The message for a file over the limit, with its size. */
export function tooLargeMessage(bytes: number) {
	return `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; at most 5 MB can be imported. Split it into several files, or leave out the long descriptions, and import each.`
}
