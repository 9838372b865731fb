import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Every entry under a folder with what it holds (a file's sha256, a link's target, "folder"), so a
 * test can assert that a failed command left the folder exactly as it was.
 */
export function folderState(root: string): Record<string, string> {
  const state: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const relative = path.relative(root, file);
      const stats = lstatSync(file);
      if (stats.isSymbolicLink()) state[relative] = `link -> ${readlinkSync(file)}`;
      else if (stats.isDirectory()) {
        state[relative] = 'folder';
        walk(file);
      } else state[relative] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  };
  walk(root);
  return state;
}
