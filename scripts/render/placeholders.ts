/**
 * Helpers do not hand HTML to Markdown. Each helper output is parked here
 * and a token (private-use characters, which Markdown leaves alone) stands
 * in its place; after markdown-it has run, tokens are swapped for the HTML.
 * So no data string is ever read as Markdown or raw HTML, and references
 * can point forward: they resolve once every table and figure is numbered.
 *
 * An item may read differently in the two editions: the web edition's numbers
 * link to where they come from, the print edition's are plain (`print`).
 */

const OPEN = "\uE000";
const CLOSE = "\uE001";
const TOKEN = new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g");
const BLOCK_PARAGRAPH = new RegExp(`<p>${OPEN}(\\d+)${CLOSE}</p>\\n?`, "g");

/** `print`: the block as the print edition has it, when it differs (without the web edition's links). */
type Parked = { html: string; print?: string } | { resolve: () => string; resolved?: string };

/** Which edition a fill is for: the web edition (`site`) or the print edition. */
export type Edition = "site" | "print";

export class Placeholders {
  private parked: Parked[] = [];

  private park(item: Parked): string {
    this.parked.push(item);
    return `${OPEN}${this.parked.length - 1}${CLOSE}`;
  }

  /** Inline HTML, e.g. a formatted number; `print`: what the print edition has instead. */
  inline(html: string, print?: string): string {
    return this.park({ html, print });
  }

  /**
   * Block HTML (a table, a figure): it stands as its own paragraph. `print`:
   * the block in the print edition, when it differs, so that the PDF's
   * document holds no element the web edition alone has.
   */
  block(html: string, print?: string): string {
    return `\n\n${this.park({ html, print })}\n\n`;
  }

  /** Inline HTML computed only when the whole document is known (cross-references). */
  later(resolve: () => string): string {
    return this.park({ resolve });
  }

  /** Swap every token in Markdown's output for its HTML, as the edition has it. */
  fill(html: string, edition: Edition = "site"): string {
    const get = (index: string) => {
      const item = this.parked[Number(index)];
      if (!item) throw new Error(`unknown placeholder ${index}`);
      if ("html" in item) return edition === "print" ? (item.print ?? item.html) : item.html;
      // Resolved once: a reference that fails reports its problem once, whichever edition asks first.
      item.resolved ??= item.resolve();
      return item.resolved;
    };
    return html.replace(BLOCK_PARAGRAPH, (_m, index) => `${get(index)}\n`).replace(TOKEN, (_m, index) => get(index));
  }

  /** Text with tokens removed, e.g. for a heading's plain text. */
  static strip(text: string): string {
    return text.replace(TOKEN, "");
  }
}
