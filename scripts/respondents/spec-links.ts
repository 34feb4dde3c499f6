import type { Problem } from "../errors.ts";
import { kindOf, type TableDefinitions } from "../kinds/definitions.ts";
import type { CodebookLinks, TableKind } from "../kinds/kind.ts";
import { defaultKinds } from "../kinds/registry.ts";
import { respondents as said } from "../messages/index.ts";
import { type Codebook, findIndex } from "./codebook.ts";

/**
 * The links from table definitions to the codebook, checked before anything
 * is counted: every question, index and index group a `respondents` spec
 * names exists and is of the type the count needs (each kind says which, in
 * its `respondents.links`). Without this a misspelt id would end in an
 * internal error with no file named.
 */
export function specLinkProblems(
  codebook: Codebook,
  definitions: TableDefinitions,
  tableFiles: Record<string, string> = {},
  kinds: readonly TableKind[] = defaultKinds,
): Problem[] {
  const questions = new Map(codebook.questions.map((q) => [q.id, q]));
  const groups = Object.keys(codebook.indices);
  return Object.entries(definitions).flatMap(([id, definition]) => {
    const links = kindOf(kinds, definition.kind).respondents?.links;
    if (!links) return [];
    const problem = (setting: string, expected: string, found: string): Problem[] => [
      { file: tableFiles[id] ?? "report/tables", column: `${id}.respondents.${setting}`, expected, found },
    ];
    const check: CodebookLinks = {
      codebook,
      question: (setting, qid) => (questions.has(qid) ? [] : problem(setting, said.aQuestion, said.quoted(qid))),
      choice(setting, qid) {
        const q = questions.get(qid);
        if (!q) return problem(setting, said.aQuestion, said.quoted(qid));
        return q.type === "choice" ? [] : problem(setting, said.aChoiceQuestion, said.numericNotCodes(qid));
      },
      numeric(setting, qid) {
        const q = questions.get(qid);
        if (!q) return problem(setting, said.aQuestion, said.quoted(qid));
        return q.type === "numeric" ? [] : problem(setting, said.aNumericQuestion, said.codesNotNumeric(qid));
      },
      index(setting, iid, needs = {}) {
        const found = findIndex(codebook, iid);
        if (!found) return problem(setting, said.anIndex, said.quoted(iid));
        return needs.bands && !found.group.bands ? problem(setting, said.anIndexWithBands, said.withoutBands(iid)) : [];
      },
      indexGroup: (setting, gid) =>
        codebook.indices[gid] ? [] : problem(setting, said.anIndexGroup(groups), said.quoted(gid)),
    };
    return links(definition, check);
  });
}
