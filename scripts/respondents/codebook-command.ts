/**
 * `npm run codebook -- FILE.sav [--out FILE]`: the drafted codebook as JSON,
 * on stdout or into a new file (an existing one is never replaced: it may
 * hold an author's work). Messages name the file and what was expected.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ExitCode } from "../errors.ts";
import { message } from "../messages/index.ts";
import { draftCodebook } from "./draft-codebook.ts";

export async function runDraftCodebook(
  args: string[],
  out: string | undefined,
  write: { stdout: (text: string) => void; stderr: (text: string) => void },
): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1 || !/\.sav$/i.test(file)) {
    write.stderr("usage: npm run codebook -- FILE.sav [--out FILE]\n");
    return ExitCode.usage;
  }
  if (out !== undefined && existsSync(out)) {
    write.stderr(`${message.codebookOutExists(out)}\n`);
    return ExitCode.usage;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    write.stderr(`${message.codebookUnreadable(file, (error as Error).message)}\n`);
    return ExitCode.usage;
  }
  let text: string;
  try {
    text = `${JSON.stringify(await draftCodebook(file, bytes), null, 2)}\n`;
  } catch (error) {
    write.stderr(`${message.codebookNoDictionary(file, (error as Error).message)}\n`);
    return ExitCode.invalidInput;
  }
  if (out === undefined) write.stdout(text);
  else {
    // "wx": fail rather than replace a file created since the check above.
    writeFileSync(out, text, { flag: "wx" });
    write.stderr(`${message.codebookWritten(out)}\n`);
  }
  return ExitCode.ok;
}
