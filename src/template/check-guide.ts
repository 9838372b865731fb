import Handlebars from 'handlebars';
import type { Guide, GuideText } from '../content/types.js';
import type { ProblemList, SourceLocation } from '../errors.js';
import { didYouMean } from '../content/validate.js';
import { BUILT_IN_HELPERS, GUIDE_DATA_ROOTS, GUIDE_HELPERS, templateError } from './expand.js';

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;


/**
 * Checks a guide body's template use without running it: syntax, helpers, the audience ids given to
 * `{{#for}}` and the checklist ids given to `{{checklist}}`, each reported at its file:line:col.
 */
export function checkGuideTemplate(guide: Guide, text: GuideText, audienceIds: readonly string[] | undefined, problems: ProblemList): void {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(text.body);
  } catch (error) {
    const located = templateError(error, { file: text.file, lineOffset: text.bodyLine - 1, source: text.body });
    problems.error('TEMPLATE_SYNTAX', located.message, located.location, located.hint);
    return;
  }
  const checklistIds = guide.checklists.map((checklist) => checklist.id);
  const locate = (node: Node): SourceLocation => ({ file: text.file, line: node.loc.start.line + text.bodyLine - 1, column: node.loc.start.column + 1 });
  const knownHelpers = [...GUIDE_HELPERS, ...BUILT_IN_HELPERS];

  const checkCall = (node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression, isBlock: boolean) => {
    const name = pathName(node.path);
    const hasArguments = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (name === undefined) return;
    if (name === 'log') {
      problems.error('UNKNOWN_HELPER', '{{log}} is not available: it would write to the terminal, not the document', locate(node), 'delete it');
      return;
    }
    if (isBlock || hasArguments) {
      if (!knownHelpers.includes(name)) {
        problems.error('UNKNOWN_HELPER', `unknown helper "${name}"`, locate(node), didYouMean(name, knownHelpers) ?? `helpers: ${GUIDE_HELPERS.join(', ')}`);
        return;
      }
    } else if (!knownHelpers.includes(name) && !(GUIDE_DATA_ROOTS as readonly string[]).includes(name.split('.')[0]!) && !name.startsWith('@') && name !== 'this') {
      problems.error('UNKNOWN_VALUE', `unknown helper or value "${name}"`, locate(node), didYouMean(name, [...knownHelpers, ...GUIDE_DATA_ROOTS]) ?? `values: ${GUIDE_DATA_ROOTS.join(', ')}`);
      return;
    }
    if (name === 'for') {
      if (!isBlock) problems.error('FOR_NOT_BLOCK', 'use "for" as a block: {{#for "audience-id"}} ... {{/for}}', locate(node));
      if (node.params.length === 0) problems.error('FOR_WITHOUT_AUDIENCE', '{{#for}} needs at least one audience id', locate(node));
      for (const param of node.params) {
        if (param.type !== 'StringLiteral') {
          problems.error('FOR_ARGUMENT', '{{#for}} takes audience ids in quotes, like {{#for "teachers"}}', locate(param));
          continue;
        }
        const id = (param as hbs.AST.StringLiteral).value;
        if (audienceIds && !audienceIds.includes(id)) problems.error('UNKNOWN_AUDIENCE', `unknown audience "${id}" in {{#for}}`, locate(param), didYouMean(id, audienceIds) ?? `known audiences: ${audienceIds.join(', ')}`);
      }
    }
    if (name === 'checklist') {
      const [param] = node.params;
      if (!param || param.type !== 'StringLiteral') {
        problems.error('CHECKLIST_ARGUMENT', '{{checklist}} takes a checklist id in quotes, like {{checklist "crisis"}}', locate(node));
      } else {
        const id = (param as hbs.AST.StringLiteral).value;
        if (!checklistIds.includes(id)) {
          problems.error('UNKNOWN_CHECKLIST', `unknown checklist "${id}"`, locate(param), checklistIds.length === 0 ? `${guide.id}/checklists.yaml defines no checklists` : didYouMean(id, checklistIds) ?? `checklists of this guide: ${checklistIds.join(', ')}`);
        }
      }
    }
    for (const param of node.params) visitExpression(param);
  };

  const visitExpression = (expression: Expression) => {
    if (expression.type === 'SubExpression') checkCall(expression as hbs.AST.SubExpression, false);
  };

  const visit = (node: Node | undefined | null) => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const statement of (node as hbs.AST.Program).body) visit(statement);
        return;
      case 'MustacheStatement':
        checkCall(node as hbs.AST.MustacheStatement, false);
        return;
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        checkCall(block, true);
        visit(block.program);
        visit(block.inverse);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
        problems.error('PARTIAL_UNSUPPORTED', 'partials are not available in guides', locate(node));
        return;
      default:
        return;
    }
  };
  visit(program);
}

function pathName(expression: Expression): string | undefined {
  if (expression.type === 'PathExpression') return (expression as hbs.AST.PathExpression).original;
  return undefined;
}
