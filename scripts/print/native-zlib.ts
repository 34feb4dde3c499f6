import { deflateSync, inflateSync } from "node:zlib";

/**
 * What pdf-lib and its fonts call of pako (zlib written in JavaScript), done by Node's own zlib.
 * The bundle answers `import "pako"` with this module (scripts/setup/compile.mjs, `ALIASES`):
 * the same deflate format, and saving a finished 45-page PDF takes about half the time (its
 * object streams are compressed there). Run from the sources (tests), pdf-lib keeps pako.
 */
const asBytes = (out: Buffer) => new Uint8Array(out.buffer, out.byteOffset, out.byteLength);

export function deflate(data: Uint8Array, options?: { level?: number }): Uint8Array {
  return asBytes(deflateSync(data, options?.level === undefined ? {} : { level: options.level }));
}

export function inflate(data: Uint8Array): Uint8Array {
  return asBytes(inflateSync(data));
}

export default { deflate, inflate };
