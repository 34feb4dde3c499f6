/**
 * Which of a frequency table's categories outside the base counts those
 * who left the question blank: the one the definition names (`blank`), or
 * else the first that is neither one of the question's missing-value codes
 * nor the category for those routed past it. Derived from the definition,
 * so no report's wording ("not answered") is a word in the engine.
 */
export function blankCategory(
  nonResponse: string[],
  spec: { blank?: string; notAsked?: string },
  missingLabels: string[] = [],
): string | undefined {
  if (spec.blank !== undefined) return spec.blank;
  return nonResponse.find((label) => label !== spec.notAsked && !missingLabels.includes(label));
}
