// File helpers of FileLogStore: atomic replacement, reads that treat a missing file as
// absent, and opening a log for appending after a crash.
import { randomUUID } from "node:crypto";
import { open, readFile, rename, unlink, writeFile, type FileHandle } from "node:fs/promises";

const TAIL_CHUNK = 64 * 1024;

/**
 * Opens a log for appending. A last line without its newline is a write torn by a crash;
 * it was never acknowledged, so it is cut off here: otherwise the next line would be glued
 * to it and the log would have a damaged line in the middle instead of a clean end.
 */
export async function openForAppend(path: string): Promise<FileHandle> {
  const handle = await open(path, "r+");
  try {
    const { size } = await handle.stat();
    const keep = await lengthUpToLastNewline(handle, size);
    if (keep < size) await handle.truncate(keep);
  } finally {
    await handle.close();
  }
  return open(path, "a");
}

async function lengthUpToLastNewline(handle: FileHandle, size: number): Promise<number> {
  const buffer = Buffer.alloc(TAIL_CHUNK);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - TAIL_CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, end - start, start);
    const newline = buffer.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (newline !== -1) return start + newline + 1;
    end = start;
  }
  return 0;
}

/** Replaces a file so that readers (and a crash) see either the old or the new content, never a mix. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(temp, text, "utf8");
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

export async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw error;
  }
}

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}
