import { describe, expect, it } from "vitest";
import { percentOfCounts, publishedPercent, roundHalfUp } from "../scripts/compute/rounding.ts";

describe("percentages from counts, rounded as published", () => {
  it("rounds half up, also where binary floating point would round down", () => {
    expect(percentOfCounts(1, 8)).toBe(13); // 12.5
    expect(percentOfCounts(1, 200)).toBe(1); // 0.5
    expect(percentOfCounts(3, 8, 1)).toBe(37.5);
    expect(percentOfCounts(1, 3, 1)).toBe(33.3);
    expect(percentOfCounts(2, 3)).toBe(67);
  });

  it("reproduces Tabell 1 of the source (education, N = 208)", () => {
    // 172/208 = 82.69, 19/208 = 9.13, 8/208 = 3.85, 2/208 = 0.96, 4/208 = 1.92
    expect([172, 19, 8, 2, 4].map((n) => percentOfCounts(n, 208))).toEqual([83, 9, 4, 1, 2]);
  });

  it("rounds SPSS's one-decimal percentage again to whole percent, as Tabell 3 prints 11 of 76", () => {
    expect(percentOfCounts(11, 76, 1)).toBe(14.5); // 14.47
    expect(publishedPercent(11, 76)).toEqual({ value: 15, decimals: 0 });
    expect(percentOfCounts(11, 76)).toBe(14); // what a single rounding would print
    // The rest of Tabell 3's first row: 31 and 34 of 76.
    expect([31, 34].map((n) => publishedPercent(n, 76).value)).toEqual([41, 45]);
  });

  it("rounds once, directly, when the table prints decimals", () => {
    expect(publishedPercent(6, 208, 1)).toEqual({ value: 2.9, decimals: 1 });
    expect(publishedPercent(34, 208, 1)).toEqual({ value: 16.3, decimals: 1 });
  });

  it("gives a non-zero share below 1 % the decimal SPSS printed, as the source prints 1 of 208", () => {
    expect(publishedPercent(1, 208)).toEqual({ value: 0.5, decimals: 1 });
    expect(publishedPercent(2, 203)).toEqual({ value: 1, decimals: 0 }); // 0.985 → 1, not 1,0
    expect(publishedPercent(0, 208)).toEqual({ value: 0, decimals: 0 });
  });

  it("reproduces the 101 % of Tabell 8 (union membership, N = 150)", () => {
    const shares = [28, 67, 55].map((n) => publishedPercent(n, 150).value);
    expect(shares).toEqual([19, 45, 37]);
    expect(shares.reduce((a, b) => a + b)).toBe(101);
  });

  it("computes the response rate 210 of 299 as 70 %", () => {
    expect(percentOfCounts(210, 260 + 39)).toBe(70);
  });

  it("rejects fractional counts and empty totals", () => {
    expect(() => percentOfCounts(1.5, 10)).toThrow(TypeError);
    expect(() => percentOfCounts(1, 0)).toThrow(RangeError);
  });

  it("rounds other values half up without float surprises", () => {
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(0.98, 1)).toBe(1);
    expect(roundHalfUp(-2.5)).toBe(-3);
  });
});
