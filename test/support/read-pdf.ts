import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface OutlineEntry {
  title: string;
  page: number;
  children: OutlineEntry[];
}

export interface PdfContents {
  pages: string[];
  /** Every page's text joined, whitespace folded. */
  text: string;
  outline: OutlineEntry[];
  info: Record<string, unknown>;
  lang?: string;
  pageSizes: { width: number; height: number }[];
  links: { page: number; url?: string; dest?: string; destPage?: number }[];
  /** The structure tree's roles in reading order, per page, with alt text where given: "Figure[alt]". */
  structure: string[][];
}

/** Reads a PDF back with pdf.js: text per page, outline with target pages, metadata, language. */
export async function readPdf(bytes: Uint8Array): Promise<PdfContents> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    const pageSizes: PdfContents['pageSizes'] = [];
    const structure: string[][] = [];
    const links: PdfContents['links'] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim());
      const roles: string[] = [];
      const walk = (node: { role?: string; alt?: string; children?: unknown[] } | null) => {
        if (!node) return;
        if (node.role) roles.push(node.alt ? `${node.role}[${node.alt}]` : node.role);
        for (const child of node.children ?? []) walk(child as typeof node);
      };
      walk((await page.getStructTree()) as never);
      structure.push(roles);
      const [, , width, height] = page.view;
      pageSizes.push({ width: width!, height: height! });
      for (const annotation of await page.getAnnotations()) {
        if (annotation.subtype !== 'Link') continue;
        let destPage: number | undefined;
        if (typeof annotation.dest === 'string') {
          const explicit = await document.getDestination(annotation.dest);
          if (explicit) destPage = (await document.getPageIndex(explicit[0])) + 1;
        }
        links.push({ page: number, url: annotation.url, dest: typeof annotation.dest === 'string' ? annotation.dest : undefined, destPage });
      }
    }
    const resolve = async (items: Awaited<ReturnType<typeof document.getOutline>> | null): Promise<OutlineEntry[]> => {
      const entries: OutlineEntry[] = [];
      for (const item of items ?? []) {
        let page = 0;
        const dest = typeof item.dest === 'string' ? await document.getDestination(item.dest) : item.dest;
        if (dest && dest[0]) page = (await document.getPageIndex(dest[0])) + 1;
        entries.push({ title: item.title, page, children: await resolve(item.items) });
      }
      return entries;
    };
    const outline = await resolve(await document.getOutline());
    const metadata = await document.getMetadata();
    return {
      pages,
      text: pages.join('\n').replace(/\s+/g, ' '),
      outline,
      info: metadata.info as Record<string, unknown>,
      lang: (metadata.info as { Language?: string }).Language,
      pageSizes,
      links,
      structure,
    };
  } finally {
    await document.destroy();
  }
}

/** Asserts helper: the index of each needle in order, or -1 where order breaks. */
export function inOrder(haystack: string, needles: readonly string[]): boolean {
  let from = 0;
  for (const needle of needles) {
    const index = haystack.indexOf(needle, from);
    if (index === -1) return false;
    from = index + needle.length;
  }
  return true;
}
