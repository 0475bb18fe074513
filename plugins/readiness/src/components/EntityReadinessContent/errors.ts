/** The most useful message of an error: the backend's own message from a ResponseError body, else the error's. */
export function errorMessage(error: unknown): string {
  const e = error as
    | { body?: { error?: { message?: string } }; message?: string }
    | undefined;
  return e?.body?.error?.message ?? e?.message ?? String(error);
}
