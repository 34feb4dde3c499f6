import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/**
 * Write one file so that a reader never sees half of it (another build may
 * read it meanwhile): write it aside, then rename it into place.
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

/**
 * Stage 7: write every output or none. Files are first written to a
 * staging folder inside `outDir`; only when all of them are on disk are
 * they renamed into place (a rename on one file system cannot half-happen).
 * A build that failed earlier never gets here, so `out/` stays as it was.
 */
export async function writeOutputs(outDir: string, files: Record<string, string | Uint8Array>): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const staging = await mkdtemp(join(outDir, ".staging-"));
  try {
    const names = Object.keys(files).sort();
    for (const name of names) {
      const path = join(staging, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, files[name]);
    }
    for (const name of names) {
      const target = join(outDir, name);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(staging, name), target);
    }
    return names.map((name) => join(outDir, name));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
