/** Small text helpers shared by the rules, quick fixes and completions. */
import { Node } from 'jsonc-parser';
import { TextEdit } from './types';

export function indentOfLine(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart, offset + 1));
  return match ? match[0] : '';
}

/** The file's indentation unit, guessed from the first indented line (two spaces when none). */
export function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text.slice(0, 4096));
  if (!match) return '  ';
  return match[1].startsWith('\t') ? '\t' : match[1].length >= 4 && match[1].length % 4 === 0 ? '    ' : '  ';
}

/** Adds `"key": valueText` as the last property of an object node, matching the file's layout. */
export function insertPropertyEdit(text: string, objectNode: Node, key: string, valueText: string): TextEdit {
  const props = objectNode.children ?? [];
  const member = `${JSON.stringify(key)}: ${valueText}`;
  if (props.length === 0) {
    const closeOffset = objectNode.offset + objectNode.length - 1;
    const inner = text.slice(objectNode.offset + 1, closeOffset);
    if (inner.includes('\n')) {
      const indent = indentOfLine(text, objectNode.offset);
      return {
        offset: objectNode.offset + 1,
        length: inner.length,
        newText: `\n${indent}${indentUnit(text)}${member}\n${indent}`,
      };
    }
    return { offset: objectNode.offset + 1, length: inner.length, newText: ` ${member} ` };
  }
  const last = props[props.length - 1];
  const end = last.offset + last.length;
  const sameLine =
    !text.slice(props[0].offset, end).includes('\n') && !text.slice(objectNode.offset, props[0].offset).includes('\n');
  if (sameLine) return { offset: end, length: 0, newText: `, ${member}` };
  return { offset: end, length: 0, newText: `,\n${indentOfLine(text, last.offset)}${member}` };
}

/** Removes a property (and the comma that joins it to its neighbours). */
export function removePropertyEdit(propertyNode: Node): TextEdit {
  const parent = propertyNode.parent;
  const siblings = parent?.children ?? [propertyNode];
  const index = siblings.indexOf(propertyNode);
  if (siblings.length === 1) return { offset: propertyNode.offset, length: propertyNode.length, newText: '' };
  if (index < siblings.length - 1) {
    const next = siblings[index + 1];
    return { offset: propertyNode.offset, length: next.offset - propertyNode.offset, newText: '' };
  }
  const previous = siblings[index - 1];
  const start = previous.offset + previous.length;
  return { offset: start, length: propertyNode.offset + propertyNode.length - start, newText: '' };
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The closest candidate, when it is close enough to be what the user meant. */
export function didYouMean(word: string, candidates: string[]): string | undefined {
  const lower = word.toLowerCase().replace(/[\s-]+/g, '_');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor((best?.length ?? 0) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** Makes any text a valid module API name: English letters, digits and single underscores. */
export function toApiName(value: string): string {
  const name = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[^A-Za-z]+/, '')
    .slice(0, 50)
    .replace(/_+$/, '');
  return name;
}

export function codePointLength(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

export function sliceCodePoints(value: string, max: number): string {
  return Array.from(value).slice(0, max).join('');
}
