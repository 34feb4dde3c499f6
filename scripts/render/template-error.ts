import type { Problem } from "../errors.ts";
import { helperProblem } from "../messages/index.ts";

/**
 * A Handlebars error in a chapter or foreword, as a problem naming the line
 * and what is wrong there. Handlebars' own messages put the context on lines
 * after the first ("Parse error on line 3:\n…{{tall "a"}\n-----^\nExpecting
 * 'CLOSE', …"), and call an unknown helper "not defined in [object Object]".
 */
export function templateProblem(file: string, source: string, error: unknown, helpers: string[]): Problem {
  const message = error instanceof Error ? error.message : String(error);

  // A parse error: jison shows the text around the place (line breaks removed) and a caret under it.
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^/.exec(message);
  if (parse) {
    const [, line, context, dashes] = parse;
    const text = (source.split("\n")[Number(line) - 1] ?? "").trim();
    const at = context.slice(dashes.length).split("{{")[0].slice(0, 20) || undefined;
    return {
      file,
      row: Number(line),
      ...helperProblem.parseError(text.length > 80 ? `${text.slice(0, 77)}...` : text, at),
    };
  }

  // Strict mode reports an unknown helper, or an unknown name, as a lookup that failed.
  const unknown =
    /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(message) ?? /^Missing helper: "([^"]+)"$/.exec(message);
  if (unknown) {
    const known = helpers.filter((name) => !name.endsWith("Missing")).sort((a, b) => a.localeCompare(b, "en"));
    return {
      file,
      row: unknown[2] === undefined ? undefined : Number(unknown[2]),
      column: unknown[3] === undefined ? undefined : Number(unknown[3]) + 1,
      ...helperProblem.unknownHelper(known, unknown[1]),
    };
  }

  // Other Handlebars errors end in " - line:column" when they know the place.
  const place = / - (\d+):(\d+)$/.exec(message);
  const line = place ? Number(place[1]) : (error as { lineNumber?: unknown }).lineNumber;
  return {
    file,
    row: typeof line === "number" ? line : undefined,
    column: place ? Number(place[2]) + 1 : undefined,
    expected: helperProblem.templateSyntax,
    found: message.split("\n")[0].replace(/ - \d+:\d+$/, ""),
  };
}
