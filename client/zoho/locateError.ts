/** Finds the key in the file that a Zoho error is about (details.json_path or details.api_name). */
import { findNodeAtLocation, Node, parseTree } from 'jsonc-parser';
import { ZohoErrorEntry } from './explain';

export interface ErrorLocation {
  offset: number;
  length: number;
  /** True when the error named no key we could find, and the location is the module as a whole. */
  fallback: boolean;
}

export function locateError(text: string, error: ZohoErrorEntry): ErrorLocation {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const fallbackNode = root ? (findNodeAtLocation(root, ['modules'])?.parent?.children?.[0] ?? root) : undefined;
  const fallback: ErrorLocation = fallbackNode
    ? { offset: fallbackNode.offset, length: fallbackNode.length, fallback: true }
    : { offset: 0, length: Math.min(1, text.length), fallback: true };
  if (!root) return fallback;
  const moduleIndex = typeof error.details?.resource_path_index === 'number' ? error.details.resource_path_index : 0;
  const module = findNodeAtLocation(root, ['modules', moduleIndex]) ?? root;

  const jsonPath = typeof error.details?.json_path === 'string' ? error.details.json_path : undefined;
  if (jsonPath) {
    const node = findNodeAtLocation(root, parseJsonPath(jsonPath));
    if (node) return spot(node);
  }
  const apiName = typeof error.details?.api_name === 'string' ? error.details.api_name : undefined;
  if (apiName) {
    const node = findKey(module, apiName);
    if (node) return spot(node);
    // A missing key: point at the object that should hold it.
    if (module !== root) return { ...spot(module), fallback: false, length: 1 };
  }
  return fallback;
}

/** `$.modules[0].display_field.auto_number` → ['modules', 0, 'display_field', 'auto_number'] */
export function parseJsonPath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const pattern = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\['([^']+)'\]/g;
  const stripped = path.replace(/^\$/, '');
  for (let match = pattern.exec(stripped); match; match = pattern.exec(stripped)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(match[3]);
  }
  return segments;
}

/** The value of the first property named `key`, breadth first (module keys before nested ones). */
function findKey(start: Node, key: string): Node | undefined {
  const queue: Node[] = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const child of node.children ?? []) {
      if (child.type === 'property' && child.children?.[0]?.value === key)
        return child.children[1] ?? child.children[0];
      if (child.type === 'property' && child.children?.[1]) queue.push(child.children[1]);
      else if (child.type !== 'property') queue.push(child);
    }
  }
  return undefined;
}

function spot(node: Node): ErrorLocation {
  // A whole object or array is too big to underline: use its key instead.
  if ((node.type === 'object' || node.type === 'array') && node.parent?.type === 'property') {
    const key = node.parent.children![0];
    return { offset: key.offset, length: key.length, fallback: false };
  }
  return { offset: node.offset, length: node.length, fallback: false };
}
