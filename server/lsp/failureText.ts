/** What the server's log says of a failure: the stack, where there is one. */
export function failureText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
