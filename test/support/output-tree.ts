import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Everything in a folder, as `relative path -> what it is` (a file's sha256, "folder", or the link's
 * target), sorted: two trees are byte-identical exactly when their pictures are equal.
 */
export function treePicture(root: string): Record<string, string> {
  const picture: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const relative = path.relative(root, file);
      const stat = lstatSync(file);
      if (stat.isSymbolicLink()) picture[relative] = `link -> ${readlinkSync(file)}`;
      else if (stat.isDirectory()) {
        picture[relative] = 'folder';
        visit(file);
      } else picture[relative] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  };
  visit(root);
  return picture;
}

/** The names trainpack gives its own working files: none may be left after a build, failed or not. */
export function leftovers(root: string): string[] {
  return Object.keys(treePicture(root)).filter((relative) => /(^|\/)\.trainpack-/.test(relative));
}
