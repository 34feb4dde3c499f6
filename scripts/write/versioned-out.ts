/**
 * Stage 7: replace the output folder as a whole, so that whatever happens —
 * a failed build, a full disk, `kill -9` at any moment — it holds either the
 * complete previous build or the complete new one, never a mix.
 *
 * `rename(2)` cannot replace a non-empty folder, but it can replace a
 * symbolic link. So the output folder `out` is a link to a version folder
 * beside it, `.out.builds/<version>/`. A build writes a new version, then
 * points a new link at it and renames that link over `out` (one atomic
 * step), then removes the older versions. A build interrupted before the
 * switch leaves only a stray version, which the next build removes.
 *
 * A lock (a file holding the builder's pid, created exclusively) keeps two
 * builds into the same folder apart: the second waits for the first.
 */
import { randomBytes } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { copyFile, link, mkdir, readFile, rename, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";

/** The folder of versions beside an output folder: `/p/out` → `/p/.out.builds`. */
export function versionsDir(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.builds`);
}

/** Which old files a new build keeps: none (a full build), or all but those in the folders it replaces. */
export interface Replace {
  /** Folders under the output folder that the new files replace whole (e.g. one edition's). Default: everything. */
  folders?: string[];
}

/** Fault injection for tests: called between the steps of a write, by name. */
export type WriteStep = "version-written" | "link-made" | "switched";

export async function writeVersioned(
  outDir: string,
  files: Record<string, string | Uint8Array>,
  replace: Replace = {},
  afterStep: (step: WriteStep) => void | Promise<void> = () => {},
): Promise<string[]> {
  const versions = versionsDir(outDir);
  await mkdir(versions, { recursive: true });
  const release = await lock(versions);
  try {
    const current = currentVersion(outDir);
    removeStrays(versions, current);
    const id = `${Date.now().toString(36)}-${process.pid}-${randomBytes(3).toString("hex")}`;
    const version = join(versions, id);
    await mkdir(version);
    if (replace.folders && current) await carryOver(join(versions, current), version, files, replace.folders);
    const names = Object.keys(files).sort();
    for (const name of names) {
      const path = join(version, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, files[name]);
    }
    await afterStep("version-written");
    // A relative link, so the project folder can be moved or mounted elsewhere.
    const nextLink = join(versions, `link-${id}`);
    await symlink(relative(dirname(outDir), version), nextLink);
    await afterStep("link-made");
    await adoptPlainFolder(outDir, versions);
    await rename(nextLink, outDir);
    await afterStep("switched");
    if (current) await rm(join(versions, current), { recursive: true, force: true });
    return names.map((name) => join(outDir, name));
  } finally {
    await release();
  }
}

/** The version the output folder points at now, if it is one of ours. */
function currentVersion(outDir: string): string | undefined {
  try {
    if (!lstatSync(outDir).isSymbolicLink()) return undefined;
    return basename(readlinkSync(outDir));
  } catch {
    return undefined; // no output folder yet
  }
}

/** Leftovers of interrupted builds: versions and links that nothing points at. */
function removeStrays(versions: string, current: string | undefined): void {
  for (const entry of readdirSync(versions)) {
    if (entry === current || entry === LOCK || entry.startsWith(`${LOCK}-`)) continue;
    // Synchronous on purpose: a handful of entries, and the build waits for them anyway.
    rmSyncQuiet(join(versions, entry));
  }
}

function rmSyncQuiet(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // another build may be removing it too
  }
}

/**
 * An output folder from before versions (a plain folder an earlier build
 * wrote) becomes a version, so the switch can replace it. Only a folder a
 * build made — one holding its record of printed numbers — is taken; the
 * command line refuses any other non-empty folder before building.
 */
async function adoptPlainFolder(outDir: string, versions: string): Promise<void> {
  if (!existsSync(outDir) || lstatSync(outDir).isSymbolicLink()) return;
  await rename(outDir, join(versions, `adopted-${Date.now().toString(36)}`));
}

/** Hard-link (or copy) the files of the current version that the new build does not replace. */
async function carryOver(
  from: string,
  to: string,
  files: Record<string, string | Uint8Array>,
  folders: string[],
): Promise<void> {
  for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const name = relative(from, join(entry.parentPath, entry.name));
    if (name in files || folders.some((folder) => name === folder || name.startsWith(`${folder}/`))) continue;
    await mkdir(dirname(join(to, name)), { recursive: true });
    try {
      await link(join(from, name), join(to, name));
    } catch {
      await copyFile(join(from, name), join(to, name));
    }
  }
}

const LOCK = "lock";
const LOCK_WAIT_MS = 120_000;

/** Take the folder's lock, waiting while another live build holds it; a dead builder's lock is taken over. */
async function lock(versions: string): Promise<() => Promise<void>> {
  const path = join(versions, LOCK);
  const started = Date.now();
  for (;;) {
    // The lock appears with its pid already in it (a hard link of a written file), so no one reads it empty.
    const mine = join(versions, `lock-${process.pid}-${randomBytes(3).toString("hex")}`);
    await writeFile(mine, String(process.pid));
    try {
      await link(mine, path);
      return () => unlink(path).catch(() => {});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      await unlink(mine).catch(() => {});
    }
    const holder = Number(await readFile(path, "utf8").catch(() => ""));
    if (!holder || !isAlive(holder)) {
      await unlink(path).catch(() => {}); // stale: its build was killed
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new Error(`another build (process ${holder}) has been writing ${dirname(versions)} for too long`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
