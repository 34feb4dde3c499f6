import { describe, expect, it } from "vitest";
import { ByContent } from "../scripts/render/by-content.ts";

describe("what is made from an input, kept by its content", () => {
  it("is made once per content, made again for new content, and forgets the oldest beyond its limit", () => {
    let made = 0;
    const kept = new ByContent<{ n: number }>(2);
    const make = () => ({ n: ++made });
    const first = kept.get("a", make);
    expect(kept.get("a", make)).toBe(first);
    expect(kept.get("b", make).n).toBe(2);
    expect(kept.get("c", make).n).toBe(3);
    // "a" was the oldest of three with room for two: made anew.
    expect(kept.get("a", make).n).toBe(4);
    expect(made).toBe(4);
  });
});
