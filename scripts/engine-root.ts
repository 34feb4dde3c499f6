import { fileURLToPath } from "node:url";

/**
 * The engine's folder (the repository root: package.json, templates/, scripts/).
 *
 * Resolved from this module's own place: it runs either as scripts/engine-root.ts
 * (tsx, vitest) or bundled into a file of .scripts-js/ (by the set-up step,
 * scripts/setup/compile.mjs), and both folders sit one level below the root. Files
 * that only the sources hold (the starter reports, the chart code hashed into
 * the chart cache's key) are found from here, under scripts/, whichever runs.
 */
export const ENGINE_ROOT = fileURLToPath(new URL("..", import.meta.url));
