/**
 * Hands the language server every org snapshot, including one that arrives while the server is starting:
 * a sign-in run at activation can finish after `initializationOptions` were read and before the client
 * could send notifications. Nothing is sent before the start; the latest snapshot is sent right after it
 * when it is not the one the server started with.
 */
export class SnapshotForwarder<T> {
  /** What `initializationOptions` carry. */
  readonly initial: T | null;
  private started = false;

  constructor(
    private readonly current: () => T | undefined,
    private readonly send: (snapshot: T | null) => void,
  ) {
    this.initial = current() ?? null;
  }

  /** Subscribe this before starting the client. */
  changed(snapshot: T | undefined): void {
    if (this.started) this.send(snapshot ?? null);
  }

  /** Call once the client has started. */
  start(): void {
    this.started = true;
    const latest = this.current() ?? null;
    if (latest !== this.initial) this.send(latest);
  }
}
