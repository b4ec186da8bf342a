// Relation and localized fields of categories and attribute definitions.
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { pickText, Translation, translationsOf } from '../../common/i18n/locale.js';
import type { Context } from '../../context.js';
import { AttributeDefinition, Category } from './catalog.types.js';
import { toAttributeDefinition } from './catalog.validation.js';

@Resolver(() => Category)
export class CategoryFieldResolver {
  @FieldResolver(() => String)
  name(@Root() category: Category, @Ctx() ctx: Context): string {
    return pickText(category.name, ctx.locale) ?? category.slug;
  }

  @FieldResolver(() => [Translation])
  nameTranslations(@Root() category: Category): Translation[] {
    return translationsOf(category.name);
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() category: Category, @Ctx() ctx: Context): string | null {
    return pickText(category.description, ctx.locale);
  }

  @FieldResolver(() => [Translation])
  descriptionTranslations(@Root() category: Category): Translation[] {
    return translationsOf(category.description);
  }

  @FieldResolver(() => Category, { nullable: true })
  parent(@Root() category: Category, @Ctx() ctx: Context) {
    return category.parentId ? ctx.loaders.catalog.categoryById.load(category.parentId) : null;
  }

  @FieldResolver(() => [Category], { description: 'Ordered by position.' })
  children(@Root() category: Category, @Ctx() ctx: Context) {
    return ctx.loaders.catalog.childrenByCategory.load(category.id);
  }

  @FieldResolver(() => [Category], {
    description: 'Root first; excludes this category (breadcrumbs).',
  })
  ancestors(@Root() category: Category, @Ctx() ctx: Context) {
    return ctx.loaders.catalog.ancestors.load(category.id);
  }

  @FieldResolver(() => [AttributeDefinition], {
    description: "The ancestors' definitions followed by this category's own.",
  })
  async attributeDefinitions(
    @Root() category: Category,
    @Ctx() ctx: Context,
  ): Promise<AttributeDefinition[]> {
    const definitions = await ctx.loaders.catalog.definitionsByCategory.load(category.id);
    return definitions.map(toAttributeDefinition);
  }

  // productCount (from the search index) is resolved by the search module.
}

@Resolver(() => AttributeDefinition)
export class AttributeDefinitionFieldResolver {
  @FieldResolver(() => String)
  name(@Root() definition: AttributeDefinition, @Ctx() ctx: Context): string {
    return pickText(definition.nameText, ctx.locale) ?? definition.key;
  }

  @FieldResolver(() => [Translation])
  nameTranslations(@Root() definition: AttributeDefinition): Translation[] {
    return translationsOf(definition.nameText);
  }
}
