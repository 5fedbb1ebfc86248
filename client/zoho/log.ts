/** Where the Zoho code writes what it does; every line passes through the redactor first. */
import { Redactor } from './redact';

export interface LogSink {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Whole request and answer bodies: only where the person asked for them (VS Code's Trace level, ZOHO_VERBOSE=2). */
  trace?(message: string): void;
}

export class Logger {
  constructor(
    private readonly sink: LogSink,
    readonly redactor: Redactor = new Redactor(),
  ) {}
  info(message: string): void {
    this.sink.info(this.redactor.redact(message));
  }
  warn(message: string): void {
    this.sink.warn(this.redactor.redact(message));
  }
  error(message: string): void {
    this.sink.error(this.redactor.redact(message));
  }
  trace(message: string): void {
    if (this.sink.trace) this.sink.trace(this.redactor.redact(message));
  }
}
