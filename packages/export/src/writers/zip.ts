import { zipSync, type Zippable } from 'fflate';

/**
 * Zip time stamps are local wall-clock time (DOS format): a local date makes the bytes the same
 * in every time zone, where a UTC instant would shift with TZ. 2000-01-01 00:00 local.
 */
export const ZIP_TIME = (): Date => new Date(2000, 0, 1);

/** A deterministic zip: entries in sorted order, one fixed time stamp, deflate level 9. */
export function deterministicZip(files: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  const mtime = ZIP_TIME();
  const entries: Zippable = {};
  for (const name of Object.keys(files).sort()) {
    const content = files[name]!;
    entries[name] = [typeof content === 'string' ? new TextEncoder().encode(content) : content, { mtime, level: 9 }];
  }
  return zipSync(entries);
}
