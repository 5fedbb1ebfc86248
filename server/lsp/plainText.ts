/** The plain forms of what we write for editors that show markdown and snippets. */

/** Markdown as plain text: no emphasis, code marks or rules; lists and paragraphs stay as lines. */
export function markdownToPlainText(markdown: string): string {
  return (
    markdown
      // What escapeMarkdown protected (an org's names) is set aside first, and comes back as written.
      .replace(/\\([\\`*_[\]<>&!#|~])/g, (_, char: string) => String.fromCharCode(0xe000 + char.charCodeAt(0)))
      .replace(/^---$/gm, '')
      .replace(/\*\*([^*]+)\*\*/g, '$1')
      .replace(/^_([^_\n][^\n]*[^_\n])_$/gm, '$1')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/[\ue000-\ue07f]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xe000))
      .trim()
  );
}

/** Snippet syntax as the text it inserts with every placeholder at its default: `${1:a}` → a, `${1|a,b|}` → a. */
export function snippetToPlainText(snippet: string): string {
  let result = '';
  for (let index = 0; index < snippet.length; index++) {
    const char = snippet[index];
    if (char === '\\' && index + 1 < snippet.length) {
      result += snippet[++index];
    } else if (char === '$') {
      const tabStop = /^\$(\d+)/.exec(snippet.slice(index));
      const choice = /^\$\{\d+\|([^,|]*)[^|]*\|\}/.exec(snippet.slice(index));
      const placeholder = /^\$\{\d+:/.exec(snippet.slice(index));
      const bare = /^\$\{\d+\}/.exec(snippet.slice(index));
      if (tabStop) index += tabStop[0].length - 1;
      else if (choice) {
        result += choice[1];
        index += choice[0].length - 1;
      } else if (bare) index += bare[0].length - 1;
      else if (placeholder) {
        // Take the default up to the matching brace (defaults may hold nested placeholders).
        let depth = 1;
        let inner = '';
        let cursor = index + placeholder[0].length;
        for (; cursor < snippet.length && depth > 0; cursor++) {
          if (snippet[cursor] === '{') depth++;
          else if (snippet[cursor] === '}') depth--;
          if (depth > 0) inner += snippet[cursor];
        }
        result += snippetToPlainText(inner);
        index = cursor - 1;
      } else result += char;
    } else result += char;
  }
  return result;
}
