import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface FontFile {
  family: string;
  weight: number;
  style: "normal" | "italic";
  /** Absolute path of the WOFF2 file (Latin subset: covers æøå, «», –, −). */
  path: string;
  /** The same face as WOFF 1.0, for measuring and stamping in Node (sfnt.ts unwraps it with Node's zlib). */
  woff: string;
}

/**
 * The report's fonts: open-licence (SIL OFL) families installed from npm, so
 * every machine lays out and prints the same document. The HTML embeds them;
 * charts are measured with them.
 */
export const SERIF = "Source Serif 4";
export const SANS = "Source Sans 3";

const FACES: Omit<FontFile, "path" | "woff">[] = [
  { family: SERIF, weight: 400, style: "normal" },
  { family: SERIF, weight: 400, style: "italic" },
  { family: SERIF, weight: 700, style: "normal" },
  { family: SANS, weight: 400, style: "normal" },
  { family: SANS, weight: 600, style: "normal" },
];

const PACKAGES: Record<string, string> = {
  [SERIF]: "@fontsource/source-serif-4",
  [SANS]: "@fontsource/source-sans-3",
};

let files: FontFile[] | undefined;

export function fontFiles(): FontFile[] {
  files ??= FACES.map((face) => {
    const pkg = PACKAGES[face.family];
    const name = pkg.split("/")[1];
    const file = `${pkg}/files/${name}-latin-${face.weight}-${face.style}`;
    return { ...face, path: require.resolve(`${file}.woff2`), woff: require.resolve(`${file}.woff`) };
  });
  return files;
}
