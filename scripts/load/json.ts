import type { Problem } from "../errors.ts";

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
  expected = "valid JSON",
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
        expected: `${expected}: ${found.expected}`,
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
        else fail('an escape such as \\n, \\" or \\u00e6 after the backslash');
        continue;
      }
      if (c < " ") fail("the string's closing quote before the end of the line", "write a line break as \\n");
      i++;
    }
    fail("the string's closing quote");
  };
  // After a comma, a closing bracket means a trailing comma, which JSON does not allow.
  const trailingComma = "JSON allows no comma after the last item";
  const value = (depth: number): void => {
    if (depth > 1000) fail("less deeply nested data");
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
          if (text[i] !== '"') fail("a property name in double quotes", text[i] === "}" ? trailingComma : undefined);
          string();
          space();
          if (text[i] !== ":") fail('":" after the property name');
          i++;
        } else {
          space();
          if (text[i] === "]") fail("a value", trailingComma);
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
        fail(`"," or "${close}"`, text[i] === '"' ? "a comma is missing before it" : undefined);
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
    fail("a value (text in double quotes, a number, true, false, null, an object or a list)");
  };
  try {
    value(0);
    space();
    if (i < text.length) fail("nothing after the JSON value");
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.error;
    throw error;
  }
}

/** The text at a position, as a message shows it: a token or a few characters, or the end. */
function shownAt(text: string, at: number): string {
  if (at >= text.length) return "the end of the file";
  const rest = text.slice(at, at + 40);
  // A string is shown as written, in its own quotes; anything else as the word or character there.
  const string = /^"(?:[^"\\\n]|\\.)*"?/.exec(rest)?.[0];
  if (string) return string;
  const token = /^[\w.+-]+/.exec(rest)?.[0] ?? text[at];
  return `"${token.replace(/[\n\r\t]/g, (c) => (c === "\t" ? "\\t" : "\\n"))}"`;
}
