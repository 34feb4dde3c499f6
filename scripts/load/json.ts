import type { Problem } from "../errors.ts";
import { problem as said } from "../messages/index.ts";

/**
 * JSON as the project's files hold it (report.json, table definitions, chart
 * specs, schemas, editions, the codebook), with a syntax error placed by line
 * and column. Node's JSON.parse gives a character offset at best ("at
 * position 812") and often none ("Unexpected token '}', ... is not valid
 * JSON"), so when it fails a small scanner of the JSON grammar finds where
 * and what.
 */
export function parseJson(
  file: string,
  text: string,
  expected: string = said.validJson,
): { value: unknown; problem?: undefined } | { value?: undefined; problem: Problem } {
  // Editors on Windows save a byte-order mark, which JSON.parse refuses.
  const source = text.startsWith("\ufeff") ? text.slice(1) : text;
  try {
    return { value: JSON.parse(source) };
  } catch (error) {
    const found = findSyntaxError(source);
    if (!found) return { problem: { file, expected, found: (error as Error).message } };
    const before = source.slice(0, found.at);
    const line = before.split("\n").length;
    return {
      problem: {
        file,
        row: line,
        column: found.at - (before.lastIndexOf("\n") + 1) + 1,
        expected: said.jsonAt(expected, found.expected),
        found: shownAt(source, found.at),
        hint: found.hint,
      },
    };
  }
}

interface Stopped {
  at: number;
  expected: string;
  hint?: string;
}

class Stop {
  constructor(readonly error: Stopped) {}
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** Where the text stops being JSON, and what would have been valid there. */
function findSyntaxError(text: string): Stopped | undefined {
  let i = 0;
  const fail = (expected: string, hint?: string): never => {
    throw new Stop({ at: i, expected, hint });
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        i++;
        if (text[i] === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 5;
        else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i])) i++;
        else fail(said.json.escape);
        continue;
      }
      if (c < " ") fail(said.json.closingQuoteOnLine, said.json.lineBreakHint);
      i++;
    }
    fail(said.json.closingQuote);
  };
  // After a comma, a closing bracket means a trailing comma, which JSON does not allow.
  const trailingComma = said.json.trailingComma;
  const value = (depth: number): void => {
    if (depth > 1000) fail(said.json.lessNested);
    space();
    const c = text[i];
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === "{") {
          space();
          if (text[i] !== '"') fail(said.json.propertyName, text[i] === "}" ? trailingComma : undefined);
          string();
          space();
          if (text[i] !== ":") fail(said.json.colon);
          i++;
        } else {
          space();
          if (text[i] === "]") fail(said.json.value, trailingComma);
        }
        value(depth + 1);
        space();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        fail(said.json.commaOr(close), text[i] === '"' ? said.json.missingComma : undefined);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(said.json.anyValue);
  };
  try {
    value(0);
    space();
    if (i < text.length) fail(said.json.nothingAfter);
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.error;
    throw error;
  }
}

/** The text at a position, as a message shows it: a token or a few characters, or the end. */
function shownAt(text: string, at: number): string {
  if (at >= text.length) return said.json.endOfFile;
  const rest = text.slice(at, at + 40);
  // A string is shown as written, in its own quotes; anything else as the word or character there.
  const string = /^"(?:[^"\\\n]|\\.)*"?/.exec(rest)?.[0];
  if (string) return string;
  const token = /^[\w.+-]+/.exec(rest)?.[0] ?? text[at];
  return `"${token.replace(/[\n\r\t]/g, (c) => (c === "\t" ? "\\t" : "\\n"))}"`;
}
