import { type Prisma } from '#app/generated/prisma/client.ts'

/** A Prisma transaction client or the client itself: a change and its audit event share one transaction. */
export type Tx = Prisma.TransactionClient
