/**
 * The web edition's script for numbers in the text, inline like the site's
 * own (render/site-script.ts) and a string for the same reason. Without it a
 * number is a link to its entry in the list after the chapters, which also
 * describes it for a screen reader. With it, the same explanation shows
 * beside the number: on hover (and while the pointer is over it), on keyboard
 * focus, or on a tap or click, which pins it until the next tap, a click
 * elsewhere or Escape. Enter still follows the link to the list. The
 * explanation is shown for the eye only (aria-hidden): the number's
 * description already gives it to a screen reader.
 */
export const PROVENANCE_SCRIPT = `(() => {
  const links = document.querySelectorAll("a.num[aria-describedby]");
  if (links.length === 0) return;
  const pop = document.createElement("div");
  pop.className = "num-popover";
  pop.hidden = true;
  pop.setAttribute("aria-hidden", "true");
  document.body.append(pop);
  let shown = null;
  let pinned = false;
  let timer = 0;
  const place = (link) => {
    const box = link.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    pop.style.left = "0px";
    pop.style.top = "0px";
    const left = Math.max(8, Math.min(box.left, width - pop.offsetWidth - 8));
    const below = box.bottom + 6;
    const top = below + pop.offsetHeight > window.innerHeight && box.top - 6 - pop.offsetHeight > 0 ? box.top - 6 - pop.offsetHeight : below;
    pop.style.left = left + window.scrollX + "px";
    pop.style.top = top + window.scrollY + "px";
  };
  const hide = () => {
    clearTimeout(timer);
    shown?.classList.remove("shown");
    pop.hidden = true;
    shown = null;
    pinned = false;
  };
  const show = (link, pin) => {
    clearTimeout(timer);
    // The whole explanation: the description (its first sentence) and the rest after it.
    const source = document.getElementById(link.getAttribute("aria-describedby"))?.closest(".provenance-explained");
    if (!source) return;
    if (shown !== link) hide();
    shown = link;
    pinned = pin;
    link.classList.add("shown");
    pop.textContent = link.textContent + ": " + source.textContent;
    pop.hidden = false;
    place(link);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { if (!pinned) hide(); }, 300);
  };
  for (const link of links) {
    link.addEventListener("pointerenter", (event) => { if (event.pointerType === "mouse") show(link, pinned && shown === link); });
    link.addEventListener("pointerleave", (event) => { if (event.pointerType === "mouse") later(); });
    link.addEventListener("focus", () => show(link, false));
    link.addEventListener("blur", later);
    link.addEventListener("click", (event) => {
      if (event.detail === 0) return;
      event.preventDefault();
      if (shown === link && pinned) hide();
      else show(link, true);
    });
  }
  pop.addEventListener("pointerenter", () => clearTimeout(timer));
  pop.addEventListener("pointerleave", later);
  document.addEventListener("keydown", (event) => { if (event.key === "Escape" && shown) hide(); });
  document.addEventListener("click", (event) => { if (shown && !event.target.closest("a.num, .num-popover")) hide(); });
  window.addEventListener("resize", () => { if (shown) place(shown); });
})();`;
