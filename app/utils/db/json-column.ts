import { type Prisma } from '#app/generated/prisma/client.ts'

/**
 * A JSON column that holds one kind of document. Prisma types JSON loosely (`InputJsonValue` in,
 * `JsonValue` out); the documents the app stores are plain JSON by construction (parsed by Zod or
 * built from such values), so the one conversion each way lives here, bound to the column's type,
 * and what is read back is the type that was written.
 */
export function jsonColumn<Document>() {
	return {
		write: (document: Document) => document as unknown as Prisma.InputJsonValue,
		read: (stored: Prisma.JsonValue) => stored as unknown as Document,
	}
}
