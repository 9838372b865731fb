import { UsageError } from '../errors.js';

/** 9999-12-31T23:59:59Z: the last second a four-digit year (and a PDF date) can hold. */
const LAST_EPOCH_SECOND = 253_402_300_799;

/** The date printed and stored in PDFs: SOURCE_DATE_EPOCH (reproducible builds) or now. */
export function resolveDate(env: NodeJS.ProcessEnv): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch) || Number(epoch) > LAST_EPOCH_SECOND) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 up to the year 9999, not "${epoch}"`, 'for example SOURCE_DATE_EPOCH=1767225600 (2026-01-01)');
  }
  return new Date(Number(epoch) * 1000);
}
