/**
 * The web edition's only scripts, inline and written as plain strings (tsx
 * would rewrite a TypeScript function with helpers the page lacks). They make
 * no request. Without them the page is still whole: the contents list stands
 * where it always stood, the sidebar is CSS, only the marking of the current
 * section, the phone's contents button and the heading links are missing.
 * Only the HTML edition carries them; the print edition has no script.
 */

/** In <head>: marks the document as scripted before first paint, so the phone layout does not jump. */
export const EARLY_SCRIPT = `document.documentElement.classList.add("js");`;

/**
 * At the end of <body>:
 * 1. the contents button (phone): a disclosure for the contents; Escape or
 *    choosing an entry closes it and gives focus back;
 * 2. the current section: every heading the contents list names is observed
 *    against a line a third down the viewport (the root margin reaches far
 *    above the viewport, so a jump past the line in either direction is seen);
 *    the last heading above the line is the current one, marked with
 *    aria-current="location" and kept in view in the sidebar;
 * 3. a link beside every heading in the chapters, to its own id.
 */
export const SITE_SCRIPT = `(() => {
  const label = document.currentScript?.getAttribute("data-section-link") ?? "";
  const nav = document.querySelector("nav.contents");
  if (!nav) return;
  const toggle = document.querySelector(".contents-toggle");
  if (toggle) {
    nav.id ||= toggle.getAttribute("aria-controls");
    const setOpen = (open) => {
      nav.classList.toggle("open", open);
      toggle.setAttribute("aria-expanded", String(open));
    };
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      const open = !nav.classList.contains("open");
      setOpen(open);
      if (open) nav.querySelector("a")?.focus();
    });
    nav.addEventListener("click", (event) => {
      if (nav.classList.contains("open") && event.target.closest("a")) setOpen(false);
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && nav.classList.contains("open")) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  const links = new Map();
  for (const link of nav.querySelectorAll(".contents-list a[href^='#']")) {
    const id = decodeURIComponent(link.hash.slice(1));
    const target = document.getElementById(id);
    if (target && /^H[1-6]$/.test(target.tagName) && !links.has(target)) links.set(target, link);
  }
  const headings = [...links.keys()];
  const above = new Set();
  let current;
  const mark = () => {
    const last = headings.filter((h) => above.has(h)).pop();
    const link = last && links.get(last);
    if (link === current) return;
    current?.removeAttribute("aria-current");
    current = link;
    if (!link) return;
    link.setAttribute("aria-current", "location");
    // Keep the mark in view inside a scrolling sidebar, without scrolling the page.
    if (nav.scrollHeight > nav.clientHeight) {
      const box = nav.getBoundingClientRect();
      const at = link.getBoundingClientRect();
      if (at.top < box.top || at.bottom > box.bottom) nav.scrollTop += at.top - box.top - nav.clientHeight / 3;
    }
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) above.add(entry.target);
        else above.delete(entry.target);
      }
      mark();
    },
    { rootMargin: "100000px 0px -67% 0px" },
  );
  for (const heading of headings) observer.observe(heading);

  // Beside each heading, not inside it: a section named by its heading (aria-labelledby) keeps its name.
  const main = document.querySelector("main");
  for (const heading of main?.querySelectorAll("h1[id], h2[id], h3[id]") ?? []) {
    const wrap = document.createElement("div");
    wrap.className = "heading-wrap level-" + heading.tagName.slice(1);
    const anchor = document.createElement("a");
    anchor.className = "heading-anchor";
    anchor.href = "#" + encodeURIComponent(heading.id);
    anchor.setAttribute("aria-label", label + ": " + heading.textContent.trim());
    anchor.textContent = "#";
    heading.before(wrap);
    wrap.append(heading, anchor);
  }
})();`;
