import { z } from 'zod';

/** Route ids are opaque strings; bounded so junk never reaches a query. */
export const idParams = z.object({ id: z.string().min(1).max(100) });
