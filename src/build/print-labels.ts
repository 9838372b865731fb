import type { PrintLabelStrings, PrintLabels } from '../pdf/model.js';
import type { Labels } from '../template/labels.js';

/** The labels the layout prints, looked up in one language (falling back to English). */
export function printLabelStrings(labels: Labels): PrintLabelStrings {
  return {
    pageOf: labels.get('pageOf'),
    continued: labels.get('continued'),
    doneBy: labels.get('doneBy'),
    date: labels.get('date'),
    toBeCompleted: labels.get('toBeCompleted'),
    verified: labels.get('verified'),
    intentionallyBlank: labels.get('intentionallyBlank'),
  };
}

export function printLabels({ pageOf, ...strings }: PrintLabelStrings): PrintLabels {
  return { ...strings, pageOf: (page, pages) => pageOf.replace('{page}', String(page)).replace('{pages}', String(pages)) };
}
