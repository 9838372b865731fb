/**
 * A node of the tagged-PDF structure tree (H1, P, L, LI, Table, TD...). Blocks create nodes as
 * they measure; the page model refers to them; paint turns them into structure elements, in
 * reading order, the first time it draws content that belongs to them.
 */
export class StructNode {
  constructor(
    readonly type: string,
    readonly parent: StructNode | null,
    readonly options: { alt?: string; title?: string; actual?: string; lang?: string } = {},
    /** Standard structure attributes, owner first (`{ O: 'Table', Scope: 'Column' }`); values are PDF names. */
    readonly attributes?: Record<string, string>,
  ) {}

  child(type: string, options: StructNode['options'] = {}, attributes?: Record<string, string>): StructNode {
    return new StructNode(type, this, options, attributes);
  }
}
