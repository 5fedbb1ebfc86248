/** Where the Zoho code writes what it does; every line passes through the redactor first. */
import { Redactor } from './redact';

export interface LogSink {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
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
}
