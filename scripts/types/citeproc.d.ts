/**
 * The part of citeproc-js (npm `citeproc`, CommonJS, no types of its own) that
 * scripts/render/citations.ts uses. See https://citeproc-js.readthedocs.io/.
 */
declare module "citeproc" {
  export interface CiteprocSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): object;
  }

  export interface CiteItem {
    id: string;
    locator?: string;
    label?: string;
    "author-only"?: boolean;
    "suppress-author"?: boolean;
  }

  export interface BibliographyParams {
    entry_ids: string[][];
    bibstart: string;
    bibend: string;
  }

  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: "html" | "text" | "rtf"): void;
    updateItems(ids: string[]): void;
    makeCitationCluster(items: CiteItem[]): string;
    makeBibliography(): [BibliographyParams, string[]] | false;
  }

  const CSL: { Engine: typeof Engine };
  export default CSL;
}
