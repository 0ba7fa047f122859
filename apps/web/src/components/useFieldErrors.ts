import { useState } from 'react';
import { fieldErrors } from '../api/errors.ts';

/**
 * Field errors of the last failed submit, each hidden as soon as the user edits that field, so
 * a corrected input stops looking wrong while the others keep their message until the next try.
 */
export function useFieldErrors(error: unknown) {
  const [edited, setEdited] = useState<{ error: unknown; fields: ReadonlySet<string> }>({
    error: null,
    fields: new Set(),
  });
  const fresh = edited.error === error ? edited.fields : new Set<string>();
  const all = fieldErrors(error);
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(all)) if (!fresh.has(field)) errors[field] = message;

  const touch = (field: string) => {
    if (all[field] && !fresh.has(field)) setEdited({ error, fields: new Set([...fresh, field]) });
  };
  return { errors, touch };
}
