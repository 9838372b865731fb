import * as fs from 'node:fs';
import type { OutputFileSystem } from '../../src/build/output-file-system.js';

export interface FileCall {
  operation: keyof OutputFileSystem;
  /** The first path the operation names. */
  path: string;
  /** 1 for the first call of this operation, 2 for the second... */
  count: number;
}

/** An operating-system error as Node raises it (code, syscall, path). */
export function errno(code: string, operation: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${operation} '${file}'`), { code, syscall: operation.replace(/Sync$/, ''), path: file, errno: -1 });
}

/**
 * Node's file operations, except that each call is first shown to `fault`: when it returns an error
 * code ("ENOSPC", "EXDEV"...), the call throws that error instead of running. A fault that keeps
 * failing every call after some point plays a process that died there.
 */
export function faultyFileSystem(fault: (call: FileCall) => string | undefined): OutputFileSystem {
  const counts = new Map<string, number>();
  const wrap = <K extends keyof OutputFileSystem>(operation: K): OutputFileSystem[K] =>
    ((...args: unknown[]) => {
      const count = (counts.get(operation) ?? 0) + 1;
      counts.set(operation, count);
      const file = String(args[0]);
      const code = fault({ operation, path: file, count });
      if (code) throw errno(code, operation, file);
      return (fs[operation] as (...inner: unknown[]) => unknown)(...args);
    }) as OutputFileSystem[K];
  return {
    lstatSync: wrap('lstatSync'),
    statSync: wrap('statSync'),
    mkdirSync: wrap('mkdirSync'),
    readFileSync: wrap('readFileSync'),
    readdirSync: wrap('readdirSync'),
    renameSync: wrap('renameSync'),
    rmSync: wrap('rmSync'),
    rmdirSync: wrap('rmdirSync'),
    unlinkSync: wrap('unlinkSync'),
    writeFileSync: wrap('writeFileSync'),
  };
}
