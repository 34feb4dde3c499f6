import MarkdownIt from "markdown-it";
import { Placeholders } from "./placeholders.ts";

export interface Heading {
  level: number;
  /** "2.1", or "" for unnumbered headings. */
  number: string;
  text: string;
  id: string;
}

/** Chapter and section numbers, carried across chapters. */
export class HeadingCounter {
  private counts = [0, 0, 0];

  next(level: number, numbered: boolean): string {
    if (!numbered || level > 3) return "";
    this.counts[level - 1] += 1;
    for (let i = level; i < this.counts.length; i++) this.counts[i] = 0;
    return this.counts.slice(0, level).join(".");
  }
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * markdown-it as chapters use it: no raw HTML (data and helpers arrive as
 * placeholders; union forewords are Markdown too), Norwegian quotes «»,
 * headings numbered and given ids.
 */
type Markdown = InstanceType<typeof MarkdownIt>;

export function createMarkdown(): Markdown {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: true, quotes: "«»‘’" });
  md.renderer.rules.heading_open = (tokens, index, options, _env, self) => {
    const number = tokens[index].meta?.number;
    const open = self.renderToken(tokens, index, options);
    return number ? `${open}<span class="heading-number">${number}</span> ` : open;
  };
  return md;
}

export function renderMarkdown(
  md: Markdown,
  source: string,
  options: { numbered: boolean; counter: HeadingCounter; usedIds: Set<string> },
): { html: string; headings: Heading[] } {
  const tokens = md.parse(source, {});
  const headings: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== "heading_open") continue;
    const level = Number(token.tag.slice(1));
    const inline = tokens[i + 1];
    const text = Placeholders.strip(inline.content).trim();
    const number = options.counter.next(level, options.numbered);
    let id = slugify(text) || "avsnitt";
    for (let n = 2; options.usedIds.has(id); n++) id = `${slugify(text)}-${n}`;
    options.usedIds.add(id);
    token.attrSet("id", id);
    token.meta = { number };
    headings.push({ level, number, text, id });
  }
  return { html: md.renderer.render(tokens, md.options, {}), headings };
}
