/**
 * The scripts a print tab runs in the document, as strings (tsx would rewrite a function with
 * helpers the page lacks). Apart from what reads the PDF (pdf-lib), so that printing can start
 * while that loads.
 */

/** The ids the marking script gives to elements that have none (page-map.ts). */
export const MARK_PREFIX = "pm-";

/**
 * The in-page script that marks the document. It runs in every print tab
 * (draft and final) so both lay out the same document, and returns the marks.
 * The margin boxes of the CSS are switched off: running heads and folios
 * are stamped afterwards, as artifacts, where the page map says they belong.
 */
export const MARK_SCRIPT = `(() => {
  if (window.__pageMarks) return window.__pageMarks;
  const units = [...document.querySelectorAll("body > .cover, body > .colophon, body > .foreword, body > .contents, main > section")];
  // Read before anything changes: a style read between the changes below would restyle the document each time.
  const lastMargins = units.map((unit) => (unit.lastElementChild ? getComputedStyle(unit.lastElementChild).marginBottom : ""));
  const style = document.createElement("style");
  style.textContent = "@page { @top-left { content: none } @top-right { content: none } @bottom-right { content: none } }";
  document.head.append(style);
  const marks = [];
  const links = document.createElement("div");
  links.style.display = "none";
  links.setAttribute("aria-hidden", "true");
  let n = 0;
  const mark = (el, info) => {
    if (!el.id) el.id = "${MARK_PREFIX}" + n++;
    const a = document.createElement("a");
    a.href = "#" + el.id;
    links.append(a);
    marks.push({ id: el.id, ...info });
  };
  const roles = [["cover", ".cover"], ["colophon", ".colophon"], ["foreword", ".foreword"], ["contents", ".contents"]];
  let table = 0;
  units.forEach((unit, index) => {
    const role = (roles.find(([, sel]) => unit.matches(sel)) || ["chapter"])[0];
    mark(unit, { kind: "start", unit: index, role });
    if (role === "chapter") {
      for (const block of unit.children) mark(block, { kind: "block", unit: index, tag: block.tagName.toLowerCase() });
      for (const t of unit.querySelectorAll("table")) {
        if (t.closest("details")) continue;
        for (const row of t.rows) {
          const part = row.parentElement.tagName === "THEAD" ? "head" : row.parentElement.tagName === "TFOOT" ? "foot" : "body";
          mark(row, { kind: "row", unit: index, table, part });
        }
        table++;
      }
    }
    const end = document.createElement("div");
    end.className = "page-map-end";
    // At the last block's lower edge, not below its bottom margin: how full a page is is where its content ends.
    if (lastMargins[index]) end.style.marginTop = "-" + lastMargins[index];
    unit.append(end);
    mark(end, { kind: "end", unit: index });
  });
  document.body.append(links);
  window.__pageMarks = marks;
  return marks;
})()`;

/**
 * Reads the running heads the document's CSS sets in @page margin boxes
 * (templates/layout.hbs), the last string given for @top-left and @top-right.
 */
export const RUNNING_HEADS_SCRIPT = `(() => {
  const heads = {};
  const unquote = (value) => {
    const m = /^"((?:[^"\\\\]|\\\\.)*)"$/.exec(value.trim());
    if (!m) return undefined;
    return m[1].replace(/\\\\([0-9a-fA-F]{1,6}) ?|\\\\(.)/g, (_, hex, ch) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : ch));
  };
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (!(rule instanceof CSSPageRule)) continue;
      for (const margin of rule.cssRules) {
        const text = unquote(margin.style.content || "");
        if (text === undefined) continue;
        if (margin.name === "top-left") heads.left = text;
        if (margin.name === "top-right") heads.right = text;
      }
    }
  }
  return heads;
})()`;

/** The scope of each table header cell the print shows, in document order (tables in <details> do not print). */
export const TABLE_SCOPES_SCRIPT = `(() => [...document.querySelectorAll("th")]
  .filter((th) => !th.closest("details"))
  .map((th) => th.getAttribute("scope") || ""))()`;

/** The text of each internal or external link target, by href: the link annotations' descriptions. */
export const LINK_TEXTS_SCRIPT = `(() => {
  const texts = {};
  for (const a of document.querySelectorAll("a[href]")) {
    const href = a.getAttribute("href");
    const text = (a.textContent || "").replace(/\\s+/g, " ").trim();
    if (text && !(href in texts)) texts[href] = text;
  }
  return texts;
})()`;
