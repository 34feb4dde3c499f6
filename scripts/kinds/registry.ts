/**
 * The table kinds a report can use, in order: the one list the engine reads
 * (as markdown-it reads its rule list). Adding a kind is its module under
 * kinds/, its partial templates/partials/kinds/<name>.hbs and one line here;
 * a build can be handed another list (`build({ kinds })`).
 */
import { crosstab } from "./crosstab/index.ts";
import { frequency } from "./frequency/index.ts";
import { grid } from "./grid/index.ts";
import { groupComparison } from "./group-comparison/index.ts";
import type { TableKind } from "./kind.ts";
import { multiResponse } from "./multiresponse/index.ts";
import { scoredMeans } from "./scored-means/index.ts";

export const defaultKinds: readonly TableKind[] = [
  frequency,
  crosstab,
  multiResponse,
  grid,
  groupComparison,
  scoredMeans,
];
