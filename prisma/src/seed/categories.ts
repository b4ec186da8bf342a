import type { Faker } from '@faker-js/faker';
import type { Prisma, PrismaClient } from '../generated/client/client.js';
import { json } from './bulk.js';

/** Text stored per locale, as every localized column holds it. */
export interface Localized {
  en: string;
  'zh-CN': string;
}

export type AttributeType = 'TEXT' | 'NUMBER' | 'BOOLEAN' | 'ENUM';

/** One entry of categories.attribute_definitions. */
export interface AttributeDefinition {
  key: string;
  name: Localized;
  type: AttributeType;
  options?: string[];
  unit?: string;
  required: boolean;
  facet: boolean;
}

interface CategorySpec {
  slug: string;
  name: Localized;
  description: Localized;
  attributes: AttributeDefinition[];
  children?: CategorySpec[];
}

function def(
  key: string,
  en: string,
  zh: string,
  type: AttributeType,
  extra: { options?: string[]; unit?: string; required?: boolean; facet?: boolean } = {},
): AttributeDefinition {
  return {
    key,
    name: { en, 'zh-CN': zh },
    type,
    ...(extra.options ? { options: extra.options } : {}),
    ...(extra.unit ? { unit: extra.unit } : {}),
    required: extra.required ?? false,
    facet: extra.facet ?? false,
  };
}

const text = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh });

/** The demo category tree: six departments, products live in the leaves. */
export const CATEGORY_TREE: CategorySpec[] = [
  {
    slug: 'clothing',
    name: text('Clothing', '服装'),
    description: text('Everyday wear for every season.', '四季日常穿搭。'),
    attributes: [
      def('material', 'Material', '材质', 'ENUM', {
        options: ['Cotton', 'Linen', 'Wool', 'Polyester', 'Denim', 'Silk', 'Leather', 'Canvas'],
        required: true,
        facet: true,
      }),
      def('care', 'Care', '洗护说明', 'TEXT'),
    ],
    children: [
      {
        slug: 'mens-shirts',
        name: text("Men's shirts", '男士衬衫'),
        description: text('Shirts for work and weekends.', '上班与周末都合适的衬衫。'),
        attributes: [
          def('fit', 'Fit', '版型', 'ENUM', {
            options: ['Slim', 'Regular', 'Relaxed'],
            required: true,
            facet: true,
          }),
          def('sleeve', 'Sleeve', '袖长', 'ENUM', { options: ['Short', 'Long'], facet: true }),
        ],
      },
      {
        slug: 'womens-dresses',
        name: text("Women's dresses", '女士连衣裙'),
        description: text('Dresses from casual to occasion.', '从休闲到正式场合的连衣裙。'),
        attributes: [
          def('length', 'Length', '裙长', 'ENUM', {
            options: ['Mini', 'Knee', 'Midi', 'Maxi'],
            required: true,
            facet: true,
          }),
          def('sleeve', 'Sleeve', '袖长', 'ENUM', {
            options: ['Sleeveless', 'Short', 'Long'],
            facet: true,
          }),
        ],
      },
      {
        slug: 'shoes',
        name: text('Shoes', '鞋履'),
        description: text('Sneakers, boots and everything between.', '运动鞋、靴子及更多。'),
        attributes: [
          def('closure', 'Closure', '闭合方式', 'ENUM', {
            options: ['Laces', 'Slip-on', 'Hook and loop', 'Buckle'],
            facet: true,
          }),
          def('waterproof', 'Waterproof', '防水', 'BOOLEAN', { facet: true }),
          def('heel_height_mm', 'Heel height', '跟高', 'NUMBER', { unit: 'mm' }),
        ],
      },
    ],
  },
  {
    slug: 'electronics',
    name: text('Electronics', '电子产品'),
    description: text('Phones, audio and computers.', '手机、音频与电脑。'),
    attributes: [
      def('warranty_months', 'Warranty', '保修期', 'NUMBER', { unit: 'months', required: true }),
    ],
    children: [
      {
        slug: 'phones',
        name: text('Phones', '手机'),
        description: text('Smartphones unlocked for every network.', '全网通智能手机。'),
        attributes: [
          def('screen_size_in', 'Screen size', '屏幕尺寸', 'NUMBER', {
            unit: 'in',
            required: true,
            facet: true,
          }),
          def('storage_gb', 'Storage', '存储容量', 'NUMBER', {
            unit: 'GB',
            required: true,
            facet: true,
          }),
          def('os', 'Operating system', '操作系统', 'ENUM', {
            options: ['Android', 'iOS', 'HarmonyOS'],
            required: true,
            facet: true,
          }),
          def('has_5g', '5G', '支持 5G', 'BOOLEAN', { facet: true }),
          def('dual_sim', 'Dual SIM', '双卡双待', 'BOOLEAN', { facet: true }),
        ],
      },
      {
        slug: 'headphones',
        name: text('Headphones', '耳机'),
        description: text('Earbuds and headphones, wired and wireless.', '有线与无线耳机。'),
        attributes: [
          def('wireless', 'Wireless', '无线', 'BOOLEAN', { required: true, facet: true }),
          def('noise_cancelling', 'Noise cancelling', '主动降噪', 'BOOLEAN', { facet: true }),
          def('form_factor', 'Form factor', '佩戴方式', 'ENUM', {
            options: ['Over-ear', 'On-ear', 'In-ear'],
            required: true,
            facet: true,
          }),
          def('battery_hours', 'Battery life', '续航时间', 'NUMBER', { unit: 'h' }),
        ],
      },
      {
        slug: 'laptops',
        name: text('Laptops', '笔记本电脑'),
        description: text('Laptops for study, work and play.', '学习、办公与娱乐笔记本。'),
        attributes: [
          def('screen_size_in', 'Screen size', '屏幕尺寸', 'NUMBER', {
            unit: 'in',
            required: true,
            facet: true,
          }),
          def('ram_gb', 'Memory', '内存', 'NUMBER', { unit: 'GB', required: true, facet: true }),
          def('storage_gb', 'Storage', '存储容量', 'NUMBER', { unit: 'GB', facet: true }),
          def('processor', 'Processor', '处理器', 'TEXT', { required: true }),
          def('os', 'Operating system', '操作系统', 'ENUM', {
            options: ['Windows', 'macOS', 'ChromeOS', 'Linux'],
            facet: true,
          }),
        ],
      },
    ],
  },
  {
    slug: 'home-kitchen',
    name: text('Home & Kitchen', '家居厨房'),
    description: text('Cook, eat and live well.', '烹饪、用餐与生活好物。'),
    attributes: [
      def('material', 'Material', '材质', 'ENUM', {
        options: [
          'Stainless steel',
          'Cast iron',
          'Aluminium',
          'Ceramic',
          'Glass',
          'Oak',
          'Walnut',
          'Pine',
          'Bamboo',
          'Fabric',
        ],
        required: true,
        facet: true,
      }),
    ],
    children: [
      {
        slug: 'cookware',
        name: text('Cookware', '锅具'),
        description: text('Pans, pots and casseroles.', '煎锅、汤锅与砂锅。'),
        attributes: [
          def('capacity_l', 'Capacity', '容量', 'NUMBER', { unit: 'L' }),
          def('dishwasher_safe', 'Dishwasher safe', '可用洗碗机', 'BOOLEAN', { facet: true }),
          def('induction_ready', 'Induction ready', '适用电磁炉', 'BOOLEAN', { facet: true }),
        ],
      },
      {
        slug: 'furniture',
        name: text('Furniture', '家具'),
        description: text('Tables, chairs and storage.', '桌椅与收纳家具。'),
        attributes: [
          def('width_cm', 'Width', '宽度', 'NUMBER', { unit: 'cm', required: true }),
          def('assembly_required', 'Assembly required', '需要组装', 'BOOLEAN', { facet: true }),
          def('room', 'Room', '适用空间', 'ENUM', {
            options: ['Living room', 'Bedroom', 'Office', 'Dining room'],
            facet: true,
          }),
        ],
      },
    ],
  },
  {
    slug: 'books',
    name: text('Books', '图书'),
    description: text('Stories, ideas and picture books.', '小说、知识与绘本。'),
    attributes: [
      def('author', 'Author', '作者', 'TEXT', { required: true }),
      def('pages', 'Pages', '页数', 'NUMBER', { required: true }),
      def('language', 'Language', '语言', 'ENUM', {
        options: ['English', 'Chinese'],
        required: true,
        facet: true,
      }),
      def('publication_year', 'Publication year', '出版年份', 'NUMBER'),
    ],
    children: [
      {
        slug: 'fiction',
        name: text('Fiction', '小说'),
        description: text('Novels and short stories.', '长篇与短篇小说。'),
        attributes: [
          def('genre', 'Genre', '类型', 'ENUM', {
            options: ['Mystery', 'Science fiction', 'Fantasy', 'Romance', 'Literary'],
            facet: true,
          }),
        ],
      },
      {
        slug: 'non-fiction',
        name: text('Non-fiction', '非虚构'),
        description: text('History, science and how-to.', '历史、科学与实用指南。'),
        attributes: [
          def('subject', 'Subject', '主题', 'ENUM', {
            options: ['History', 'Science', 'Business', 'Cooking', 'Travel'],
            facet: true,
          }),
        ],
      },
      {
        slug: 'childrens-books',
        name: text("Children's books", '童书'),
        description: text('Picture books and first readers.', '绘本与儿童读物。'),
        attributes: [
          def('age_range', 'Age range', '适读年龄', 'ENUM', {
            options: ['0-3', '4-7', '8-12'],
            required: true,
            facet: true,
          }),
        ],
      },
    ],
  },
  {
    slug: 'sports-outdoors',
    name: text('Sports & Outdoors', '运动户外'),
    description: text('Gear for the trail and the gym.', '户外与健身装备。'),
    attributes: [def('weight_kg', 'Weight', '重量', 'NUMBER', { unit: 'kg', facet: true })],
    children: [
      {
        slug: 'camping-hiking',
        name: text('Camping & hiking', '露营徒步'),
        description: text('Tents, packs and lights.', '帐篷、背包与照明。'),
        attributes: [
          def('waterproof', 'Waterproof', '防水', 'BOOLEAN', { facet: true }),
          def('season', 'Season', '适用季节', 'ENUM', {
            options: ['Summer', '3-season', '4-season'],
            facet: true,
          }),
        ],
      },
      {
        slug: 'fitness',
        name: text('Fitness', '健身'),
        description: text('Train at home.', '居家训练器材。'),
        attributes: [
          def('material', 'Material', '材质', 'ENUM', {
            options: ['Rubber', 'Steel', 'Neoprene', 'Foam', 'Nylon'],
            required: true,
            facet: true,
          }),
        ],
      },
    ],
  },
  {
    slug: 'beauty',
    name: text('Beauty', '美妆个护'),
    description: text('Skincare and fragrance.', '护肤与香氛。'),
    attributes: [
      def('volume_ml', 'Volume', '容量', 'NUMBER', { unit: 'ml', required: true }),
      def('vegan', 'Vegan', '纯素配方', 'BOOLEAN', { facet: true }),
    ],
    children: [
      {
        slug: 'skincare',
        name: text('Skincare', '护肤'),
        description: text('Cleansers, serums and creams.', '洁面、精华与面霜。'),
        attributes: [
          def('skin_type', 'Skin type', '适用肤质', 'ENUM', {
            options: ['All', 'Dry', 'Oily', 'Combination', 'Sensitive'],
            required: true,
            facet: true,
          }),
        ],
      },
      {
        slug: 'fragrance',
        name: text('Fragrance', '香水'),
        description: text('Perfumes for every day.', '日常香氛。'),
        attributes: [
          def('scent_family', 'Scent family', '香调', 'ENUM', {
            options: ['Floral', 'Woody', 'Citrus', 'Fresh', 'Oriental'],
            required: true,
            facet: true,
          }),
          def('concentration', 'Concentration', '香型浓度', 'ENUM', {
            options: ['Eau de toilette', 'Eau de parfum', 'Parfum'],
            facet: true,
          }),
        ],
      },
    ],
  },
];

/** A seeded category, with everything products need to refer to it. */
export interface SeededCategory {
  id: string;
  slug: string;
  name: Localized;
  /** Slug of the top-level category it belongs to (its own when top-level). */
  department: string;
  /** The ancestors' definitions followed by its own, as the API reads them. */
  definitions: AttributeDefinition[];
  leaf: boolean;
}

/** Creates the category tree; returns every category by slug. */
export async function seedCategories(
  prisma: PrismaClient,
  faker: Faker,
): Promise<Map<string, SeededCategory>> {
  const seeded = new Map<string, SeededCategory>();
  const rows: Prisma.CategoryCreateManyInput[] = [];
  const createdAt = faker.date.past({ years: 3 });
  const visit = (
    specs: CategorySpec[],
    parent: { id: string; definitions: AttributeDefinition[]; department: string } | null,
  ) => {
    specs.forEach((spec, position) => {
      const id = faker.string.uuid();
      const definitions = [...(parent?.definitions ?? []), ...spec.attributes];
      const department = parent?.department ?? spec.slug;
      rows.push({
        id,
        parentId: parent?.id ?? null,
        slug: spec.slug,
        position,
        name: json(spec.name),
        description: json(spec.description),
        attributeDefinitions: json(spec.attributes),
        createdAt,
        updatedAt: createdAt,
      });
      seeded.set(spec.slug, {
        id,
        slug: spec.slug,
        name: spec.name,
        department,
        definitions,
        leaf: !spec.children?.length,
      });
      if (spec.children) visit(spec.children, { id, definitions, department });
    });
  };
  visit(CATEGORY_TREE, null);
  // Parents come before their children, so one insert satisfies the foreign key.
  await prisma.category.createMany({ data: rows });
  return seeded;
}
