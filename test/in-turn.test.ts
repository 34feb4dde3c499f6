import { describe, expect, it } from "vitest";
import { mapInTurn, PRINTS_AT_ONCE } from "../scripts/print/in-turn.ts";

describe("editions printed in turn", () => {
  it("runs at most the limit at once and keeps the items' order", async () => {
    let running = 0;
    let most = 0;
    const done = await mapInTurn([5, 1, 4, 2, 3, 0, 6], 2, async (ms) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((wake) => setTimeout(wake, ms * 3));
      running -= 1;
      return ms * 10;
    });
    expect(done).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(2);
  });

  it("prints at least two editions at once", () => {
    expect(PRINTS_AT_ONCE).toBeGreaterThanOrEqual(2);
  });
});
