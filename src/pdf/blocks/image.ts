import path from 'node:path';
import type { Tokens } from 'marked';
import { TrainpackError } from '../../errors.js';
import type { BlockLayout } from '../flow.js';

/** A block image, tagged as a Figure with its alt text, at most half a page tall. */
export const image: BlockLayout<Tokens.Image> = (token, context, { theme, section, imageSize }) => {
  const file = path.resolve(section.baseDir, decodeURI(token.href));
  const size = imageSize(file);
  const maxHeight = (theme.page.height - theme.margins.top - theme.margins.bottom) * 0.5;
  let width = Math.min(context.width, size.width * 0.75);
  let height = (size.height / size.width) * width;
  if (height > maxHeight) {
    height = maxHeight;
    width = (size.width / size.height) * height;
  }
  if (!(width > 0 && height > 0)) throw new TrainpackError('IMAGE_UNREADABLE', `image has no size: ${token.href}`, { location: { file } });
  const figure = context.struct.child('Figure', { alt: token.text || path.basename(token.href) });
  return [
    {
      height,
      spaceBefore: theme.body.paragraphSpace,
      keepWithNext: false,
      decorations: context.decorations,
      group: context.group,
      ink: [{ kind: 'image', file, x: context.indent, y: 0, width, height, tag: figure }],
    },
  ];
};
