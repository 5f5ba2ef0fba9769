import type { z } from 'zod';

/** Parses a request part with a contract schema; a ZodError becomes 400 `bad_request` in the error handler. */
export function parse<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  return schema.parse(value ?? {});
}
