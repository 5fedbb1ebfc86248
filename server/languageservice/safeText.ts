/**
 * Text from outside (an org's profile and module names, Zoho's words) made safe for where it is shown:
 * a terminal, markdown, a snippet. Pure, shared by the server, the CLI and the extension.
 */

/** C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides that reorder a line. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b` for ESC and the like: visible, inert in a terminal, and valid inside a JSON string. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Org names are shown in one line of a hover, a completion or a message: no controls, no line breaks, at most `max`. */
export const MAX_ORG_TEXT = 100;

export function oneLine(text: string, max = MAX_ORG_TEXT): string {
  const flat = escapeControls(text.replace(/[\r\n\t]+/g, ' '));
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Markdown that shows `text` as written: no link, image, emphasis or HTML can come out of it (no `[`, no link). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&!#|~]/g, '\\$&');
}

/** Snippet syntax that inserts `text` as written: `$CLIPBOARD` stays those characters. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
