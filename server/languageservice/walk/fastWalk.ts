/**
 * A non-recursive walk over well-formed JSON (comments and trailing commas allowed) that reports the same
 * events as jsonc-parser's `visit`. It is the fast path: most keystrokes leave the file well formed, and
 * then this costs little more than the scan. At the first syntax error it gives up (returns false), so the
 * caller can run jsonc-parser's `visit`, whose error recovery and messages are the reference.
 */
import { createScanner, JSONVisitor, ScanError, SyntaxKind } from 'jsonc-parser';

const enum Expect {
  Value,
  ValueOrEnd,
  PropertyOrEnd,
  Colon,
  CommaOrEnd,
  Nothing,
}

/** The callbacks a walk calls: those of jsonc-parser's `visit` that the checks use. */
export type WalkVisitor = Required<
  Pick<
    JSONVisitor,
    | 'onObjectBegin'
    | 'onObjectProperty'
    | 'onObjectEnd'
    | 'onArrayBegin'
    | 'onArrayEnd'
    | 'onLiteralValue'
    | 'onSeparator'
    | 'onComment'
    | 'onError'
  >
>;

export function fastWalk(text: string, visitor: WalkVisitor): boolean {
  const scanner = createScanner(text, false);
  // true for an object, false for an array: the containers we are in.
  const stack: boolean[] = [];
  let expect: Expect = Expect.Value as Expect;
  const afterValue = (): Expect => (stack.length ? Expect.CommaOrEnd : Expect.Nothing);
  for (;;) {
    const kind = scanner.scan();
    if (scanner.getTokenError() !== ScanError.None) return false;
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    switch (kind) {
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        continue;
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        visitor.onComment(offset, length, 0, 0);
        continue;
      case SyntaxKind.EOF:
        return stack.length === 0;
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        if (expect !== Expect.Value && expect !== Expect.ValueOrEnd) return false;
        if (kind === SyntaxKind.OpenBraceToken) {
          visitor.onObjectBegin(offset, length, 0, 0, noPath);
          stack.push(true);
          expect = Expect.PropertyOrEnd;
        } else {
          visitor.onArrayBegin(offset, length, 0, 0, noPath);
          stack.push(false);
          expect = Expect.ValueOrEnd;
        }
        continue;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken: {
        const isObject = kind === SyntaxKind.CloseBraceToken;
        if (stack[stack.length - 1] !== isObject) return false;
        const canEnd = isObject
          ? expect === Expect.PropertyOrEnd || expect === Expect.CommaOrEnd
          : expect === Expect.ValueOrEnd || expect === Expect.CommaOrEnd;
        if (!canEnd) return false;
        stack.pop();
        if (isObject) visitor.onObjectEnd(offset, length, 0, 0);
        else visitor.onArrayEnd(offset, length, 0, 0);
        expect = afterValue();
        continue;
      }
      case SyntaxKind.CommaToken:
        if (expect !== Expect.CommaOrEnd) return false;
        visitor.onSeparator(',', offset, length, 0, 0);
        // After a comma, a closing bracket is still accepted: a trailing comma, reported by the caller.
        expect = stack[stack.length - 1] ? Expect.PropertyOrEnd : Expect.ValueOrEnd;
        continue;
      case SyntaxKind.ColonToken:
        if (expect !== Expect.Colon) return false;
        visitor.onSeparator(':', offset, length, 0, 0);
        expect = Expect.Value;
        continue;
      case SyntaxKind.StringLiteral:
        if (expect === Expect.PropertyOrEnd) {
          visitor.onObjectProperty(scanner.getTokenValue(), offset, length, 0, 0, noPath);
          expect = Expect.Colon;
          continue;
        }
        if (expect !== Expect.Value && expect !== Expect.ValueOrEnd) return false;
        visitor.onLiteralValue(scanner.getTokenValue(), offset, length, 0, 0, noPath);
        expect = afterValue();
        continue;
      case SyntaxKind.NumericLiteral: {
        if (expect !== Expect.Value && expect !== Expect.ValueOrEnd) return false;
        const value = Number(scanner.getTokenValue());
        if (Number.isNaN(value)) return false;
        visitor.onLiteralValue(value, offset, length, 0, 0, noPath);
        expect = afterValue();
        continue;
      }
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
      case SyntaxKind.NullKeyword:
        if (expect !== Expect.Value && expect !== Expect.ValueOrEnd) return false;
        visitor.onLiteralValue(
          kind === SyntaxKind.NullKeyword ? null : kind === SyntaxKind.TrueKeyword,
          offset,
          length,
          0,
          0,
          noPath,
        );
        expect = afterValue();
        continue;
      default:
        return false;
    }
  }
}

function noPath(): (string | number)[] {
  return [];
}
