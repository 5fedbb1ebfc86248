/** What a rule may do: read the text and report a finding. The validator (validator.ts) provides it. */
import { ApiVersion } from '../apiVersion';
import { JSONSchema, ZohoAnnotations } from '../schema';
import { Finding } from '../types';
import { Span } from './place';
import { ZOHO_CODES } from '../codes';

export interface RuleContext {
  readonly text: string;
  /** The Zoho CRM API version the file is checked for (keys and rules differ). */
  readonly apiVersion: ApiVersion;
  /** The request body's schema (a module's, or fields'). */
  readonly rootSchema: JSONSchema;
  /** Adds a finding at `span` (its length at least 1); past MAX_FINDINGS nothing more is kept. */
  report(finding: Omit<Finding, 'offset' | 'length'>, span: Span): Finding | undefined;
}

export const INVALID_DATA = ZOHO_CODES.invalidData;

const NO_ANNOTATIONS: ZohoAnnotations = {};

/** The schema's x-zoho annotations, or none (one shared empty object: no allocation per value). */
export function annotationsOf(schema: JSONSchema): ZohoAnnotations {
  return schema['x-zoho'] ?? NO_ANNOTATIONS;
}
