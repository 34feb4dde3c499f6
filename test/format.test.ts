import { describe, expect, it } from "vitest";
import { decimalsOf, NumberFormat } from "../scripts/format/numbers.ts";
import { nb } from "../scripts/locale/nb.ts";

const bokmal = new NumberFormat(nb);
const formatNumber = (value: number, decimals?: number) => bokmal.number(value, decimals);
const formatPercent = (value: number, decimals?: number) => bokmal.percent(value, decimals);
const formatKroner = (value: number, decimals?: number) => bokmal.currency(value, decimals);

const NBSP = "\u00a0";

describe("Norwegian number formatting", () => {
  it("groups thousands with a non-breaking space", () => {
    expect(formatNumber(30700)).toBe(`30${NBSP}700`);
    expect(formatNumber(1234567)).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatNumber(999)).toBe("999");
  });

  it("writes a decimal comma at the requested decimals", () => {
    expect(formatNumber(4.5, 1)).toBe("4,5");
    expect(formatNumber(0.98, 2)).toBe("0,98");
    expect(formatNumber(3, 1)).toBe("3,0");
  });

  it("writes a true minus sign", () => {
    expect(formatNumber(-4.5, 1)).toBe("\u22124,5");
  });

  it("puts a non-breaking space before the percent sign and before kr", () => {
    expect(formatPercent(83)).toBe(`83${NBSP}%`);
    expect(formatPercent(0.5, 1)).toBe(`0,5${NBSP}%`);
    expect(formatKroner(30700)).toBe(`30${NBSP}700${NBSP}kr`);
  });

  it("refuses to format what is not a number", () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
  });

  it("reads the decimals a value was written with", () => {
    expect(decimalsOf("0.5")).toBe(1);
    expect(decimalsOf("0,98")).toBe(2);
    expect(decimalsOf("210")).toBe(0);
  });
});
