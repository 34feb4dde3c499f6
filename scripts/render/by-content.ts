/**
 * What was made from some input, kept by the input's content rather than its object: each
 * build of `npm run dev` loads the project anew (new objects, the same text), and an
 * unchanged bibliography or theme need not be made again. Holds the last few inputs only.
 */
export class ByContent<T> {
  private readonly kept = new Map<string, T>();
  constructor(private readonly limit = 4) {}

  get(key: string, make: () => T): T {
    let made = this.kept.get(key);
    if (made === undefined) {
      made = make();
      if (this.kept.size >= this.limit) this.kept.delete(this.kept.keys().next().value as string);
      this.kept.set(key, made);
    }
    return made;
  }
}
