import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Image, ImageFormat } from './media.types.js';
import { imageSrcSet, imageUrl } from './media.urls.js';

@Resolver(() => Image)
export class ImageFieldResolver {
  @FieldResolver(() => String, {
    description: 'A rendition at least `width` pixels wide (or the largest), in `format`.',
  })
  url(
    @Root() image: Image,
    @Arg('width', () => Int, { defaultValue: 800 }) width: number,
    @Arg('format', () => ImageFormat, { defaultValue: ImageFormat.WEBP }) format: ImageFormat,
    @Ctx() ctx: Context,
  ): string {
    return imageUrl(ctx.services.env, image, width, format);
  }

  @FieldResolver(() => String, { description: 'Every rendition of `format`, for <img srcset>.' })
  srcSet(
    @Root() image: Image,
    @Arg('format', () => ImageFormat, { defaultValue: ImageFormat.WEBP }) format: ImageFormat,
    @Ctx() ctx: Context,
  ): string {
    return imageSrcSet(ctx.services.env, image, format);
  }
}
