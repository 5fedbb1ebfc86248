/** The words findings are written in: how types, values and the schema's descriptions read in a message. */

export function describeTypes(types: string[]): string {
  const words = types.map(
    (type) =>
      ({
        string: 'a string',
        integer: 'a whole number',
        number: 'a number',
        object: 'an object',
        array: 'an array',
        boolean: 'true or false',
      })[type] ?? type,
  );
  return words.join(' or ');
}

export function describeKind(kind: string, raw?: string): string {
  switch (kind) {
    case 'number':
      return `the number ${raw}`;
    case 'string':
      return 'a string';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'boolean':
      return 'true or false';
    default:
      return kind;
  }
}

/** A value quoted for a message, shortened when long. */
export function quoteValue(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
}
