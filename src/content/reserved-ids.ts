/**
 * Guide ids a pack cannot use: each guide's handout is written as `<guide>.pdf` beside the files
 * every pack writes, `pack.pdf` and `checklists.pdf`, so a guide with one of these ids would
 * overwrite one of them.
 */
export const RESERVED_GUIDE_IDS: readonly string[] = ['pack', 'checklists'];

/**
 * A workshop kit is written under `<lang>/workshop-<plan>/`, beside the audiences' folders
 * `<lang>/<audience>/`: an audience id starting with this would share a folder with a kit.
 */
export const WORKSHOP_FOLDER_PREFIX = 'workshop-';
