/**
 * Helpers do not hand HTML to Markdown. Each helper output is parked here
 * and a token (private-use characters, which Markdown leaves alone) stands
 * in its place; after markdown-it has run, tokens are swapped for the HTML.
 * So no data string is ever read as Markdown or raw HTML, and references
 * can point forward: they resolve once every table and figure is numbered.
 */

const OPEN = "\uE000";
const CLOSE = "\uE001";
const TOKEN = new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g");
const BLOCK_PARAGRAPH = new RegExp(`<p>${OPEN}(\\d+)${CLOSE}</p>\\n?`, "g");

type Parked = { html: string } | { resolve: () => string };

export class Placeholders {
  private parked: Parked[] = [];

  private park(item: Parked): string {
    this.parked.push(item);
    return `${OPEN}${this.parked.length - 1}${CLOSE}`;
  }

  /** Inline HTML, e.g. a formatted number. */
  inline(html: string): string {
    return this.park({ html });
  }

  /** Block HTML (a table, a figure): it stands as its own paragraph. */
  block(html: string): string {
    return `\n\n${this.park({ html })}\n\n`;
  }

  /** Inline HTML computed only when the whole document is known (cross-references). */
  later(resolve: () => string): string {
    return this.park({ resolve });
  }

  /** Swap every token in Markdown's output for its HTML. */
  fill(html: string): string {
    const get = (index: string) => {
      const item = this.parked[Number(index)];
      if (!item) throw new Error(`unknown placeholder ${index}`);
      return "html" in item ? item.html : item.resolve();
    };
    return html.replace(BLOCK_PARAGRAPH, (_m, index) => `${get(index)}\n`).replace(TOKEN, (_m, index) => get(index));
  }

  /** Text with tokens removed, e.g. for a heading's plain text. */
  static strip(text: string): string {
    return text.replace(TOKEN, "");
  }
}
