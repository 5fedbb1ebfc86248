/**
 * 1-based lines and columns of offsets, for the CLI and messages outside an editor. The line starts are
 * found once per text; each position is then a binary search, so many findings cost no rescans.
 * Line breaks are \n, \r\n and a lone \r, as editors count them.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let index = 0; index < text.length; index++) {
      const char = text.charCodeAt(index);
      if (char === 13 /* \r */ && text.charCodeAt(index + 1) === 10) index++;
      if (char === 10 || char === 13) this.starts.push(index + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}
