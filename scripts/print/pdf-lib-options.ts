/**
 * How many objects pdf-lib parses or writes before it hands the event loop back: all of them.
 * By default it waits for a timer after every 100 objects read and 50 written, and a tagged
 * print has about 5 500: some 55 and 110 waits of a millisecond or more, with nothing else to
 * do meanwhile.
 */
export const WHOLE = Number.POSITIVE_INFINITY;
