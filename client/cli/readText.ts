/**
 * A module file's bytes as text, the way VS Code reads them: UTF-8, with or without a byte order mark, and
 * UTF-16 with one. Anything else is refused with the encoding named, never decoded with U+FFFD in place
 * of the bytes (which would then be checked, sent, and stored by Zoho).
 */

export type ReadText =
  { text: string; encoding: 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16 LE' | 'UTF-16 BE' } | { error: string };

export function decodeFile(bytes: Uint8Array): ReadText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return strict(bytes.subarray(3), 'utf-8', 'UTF-8 with BOM');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict(bytes.subarray(2), 'utf-16le', 'UTF-16 LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict(bytes.subarray(2), 'utf-16be', 'UTF-16 BE');
  // NUL bytes say UTF-16 (every ASCII character gets one) before any UTF-8 error can.
  if (bytes.includes(0))
    return {
      error:
        'holds NUL characters: it looks like UTF-16 without a byte order mark. Save it as UTF-8; nothing was checked or sent.',
    };
  return strict(bytes, 'utf-8', 'UTF-8');
}

function strict(
  bytes: Uint8Array,
  label: string,
  encoding: 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16 LE' | 'UTF-16 BE',
): ReadText {
  try {
    return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    const at = label === 'utf-8' ? firstInvalidUtf8(bytes) : undefined;
    const where =
      at === undefined
        ? ''
        : ` at byte ${at.offset + (encoding === 'UTF-8 with BOM' ? 3 : 0)} (line ${at.line}, 0x${bytes[at.offset].toString(16).padStart(2, '0')})`;
    return { error: `is not valid ${encoding}${where}. Save it as UTF-8; nothing was checked or sent.` };
  }
}

/** Where UTF-8 decoding first fails: the byte offset and its line. */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number } | undefined {
  let line = 1;
  for (let offset = 0; offset < bytes.length;) {
    const byte = bytes[offset];
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0 || offset + length > bytes.length) return { offset, line };
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset, offset + length));
    } catch {
      return { offset, line };
    }
    if (byte === 0x0a) line++;
    offset += length;
  }
  return undefined;
}
