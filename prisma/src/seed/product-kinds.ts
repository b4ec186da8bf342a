// Curated words the demo products are made of, one kind per leaf category:
// brand + adjective + noun titles in English and Simplified Chinese, the
// attribute values that fit them, their price range, options and parcel size.
import type { Faker } from '@faker-js/faker';
import type { Localized } from './categories.js';

export type AttributeValue = string | number | boolean;

export const COLOURS = {
  Black: { zh: '黑色', hex: '#2b2b2e', code: 'BLK' },
  White: { zh: '白色', hex: '#dcdcd6', code: 'WHT' },
  Navy: { zh: '藏青色', hex: '#24406e', code: 'NVY' },
  Red: { zh: '红色', hex: '#c0392b', code: 'RED' },
  Olive: { zh: '橄榄绿', hex: '#6b7a2a', code: 'OLV' },
  Sand: { zh: '沙色', hex: '#c2a878', code: 'SND' },
  'Sky blue': { zh: '天蓝色', hex: '#4a90c2', code: 'SKY' },
  Rose: { zh: '玫瑰粉', hex: '#c76b8a', code: 'RSE' },
  Silver: { zh: '银色', hex: '#9aa1ab', code: 'SLV' },
  Graphite: { zh: '石墨灰', hex: '#464b53', code: 'GPH' },
  Teal: { zh: '青绿色', hex: '#1f8a8a', code: 'TEA' },
  Orange: { zh: '橙色', hex: '#e07b24', code: 'ORG' },
  Forest: { zh: '森林绿', hex: '#2e6b45', code: 'FST' },
  Cream: { zh: '奶油色', hex: '#e8dcc0', code: 'CRM' },
  Plum: { zh: '梅子紫', hex: '#6e3b6e', code: 'PLM' },
} as const;

export type Colour = keyof typeof COLOURS;

interface Noun extends Localized {
  /** Attribute values the noun implies ("Linen shirt" is linen). */
  attributes?: Record<string, AttributeValue>;
  /** Its own price range in USD cents, when the kind's is too wide for it. */
  price?: [number, number];
}

/** How a product's variants differ. */
export type VariantMode =
  { kind: 'size'; sizes: string[] } | { kind: 'colour' } | { kind: 'format' } | { kind: 'single' };

/** How to make up an attribute's value; ENUMs and BOOLEANs need none. */
export type ValueMaker =
  | { range: [number, number]; step: number }
  | { pick: readonly AttributeValue[] }
  | { text: (faker: Faker) => string };

export interface ProductKind {
  /** Slug of its leaf category. */
  category: string;
  brands: string[];
  adjectives: Localized[];
  nouns: Noun[];
  /** Titles that are not brand + adjective + noun (books). */
  title?: (faker: Faker) => Localized;
  /** Three colours: the pictures drawn for this category. */
  colours: [Colour, Colour, Colour];
  variants: VariantMode;
  /** Typical price in USD cents. */
  price: [number, number];
  /** Append a model number ("X7") to the title. */
  models?: boolean;
  weightGrams: [number, number];
  /** Parcel length, width, height ranges in mm. */
  sizeMm: [[number, number], [number, number], [number, number]];
  values: Record<string, ValueMaker>;
  tags: string[];
  /** One is picked for the description's opening. */
  pitches: Localized[];
}

const t = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh });
const n = (
  en: string,
  zh: string,
  attributes?: Record<string, AttributeValue>,
  price?: [number, number],
): Noun => ({
  en,
  'zh-CN': zh,
  ...(attributes ? { attributes } : {}),
  ...(price ? { price } : {}),
});
const range = (min: number, max: number, step = 1): ValueMaker => ({ range: [min, max], step });
const pick = (...values: AttributeValue[]): ValueMaker => ({ pick: values });

const CARE = pick('Machine wash 30°C', 'Hand wash cold', 'Dry clean only', 'Machine wash 40°C');
const WARRANTY = pick(12, 12, 24, 24, 36);

const FICTION_ADJ = [
  t('Silent', '寂静的'),
  t('Last', '最后的'),
  t('Hidden', '隐秘的'),
  t('Golden', '金色的'),
  t('Distant', '遥远的'),
  t('Winter', '冬日的'),
  t('Paper', '纸做的'),
  t('Midnight', '午夜的'),
];
const FICTION_NOUN = [
  t('Harbour', '港湾'),
  t('Garden', '花园'),
  t('Kingdom', '王国'),
  t('River', '河流'),
  t('Lighthouse', '灯塔'),
  t('Orchard', '果园'),
  t('Station', '车站'),
  t('Archive', '档案馆'),
];
const TOPICS = [
  t('Tea', '茶'),
  t('the Silk Road', '丝绸之路'),
  t('Sleep', '睡眠'),
  t('Money', '货币'),
  t('Bread', '面包'),
  t('Cities', '城市'),
  t('the Ocean', '海洋'),
  t('Habits', '习惯'),
];
const NON_FICTION_FORMS: ((topic: Localized) => Localized)[] = [
  (x) => t(`A Short History of ${x.en}`, `${x['zh-CN']}简史`),
  (x) => t(`The Science of ${x.en}`, `${x['zh-CN']}的科学`),
  (x) => t(`Understanding ${x.en}`, `读懂${x['zh-CN']}`),
  (x) => t(`The Art of ${x.en}`, `${x['zh-CN']}的艺术`),
];
const HEROES = [
  t('Milo', '米洛'),
  t('Luna', '露娜'),
  t('Pip', '皮普'),
  t('Mei', '小美'),
  t('Otto', '奥托'),
];
const ANIMALS = [
  t('Brave Little Fox', '勇敢的小狐狸'),
  t('Sleepy Bear', '爱睡觉的小熊'),
  t('Lost Balloon', '迷路的气球'),
  t('Dancing Panda', '跳舞的熊猫'),
  t('Curious Whale', '好奇的鲸鱼'),
];
const PUBLISHERS = [
  'Lantern House',
  'Bluebird Press',
  'Inkwell',
  'Riverstone Books',
  'Pagoda Press',
];
const author = (faker: Faker) => faker.person.fullName();
const BOOK_VALUES = {
  author: { text: author },
  pages: range(120, 640, 8),
  language: pick('English', 'English', 'Chinese'),
  publication_year: range(2005, 2026),
} satisfies Record<string, ValueMaker>;
const BOOK_PITCHES = [
  t('A book readers keep recommending to their friends.', '读者争相推荐给朋友的一本书。'),
  t('Beautifully typeset and printed on acid-free paper.', '排版精美，采用无酸纸印刷。'),
  t('Shortlisted for several prizes this year.', '今年入围多个图书奖项。'),
];

export const PRODUCT_KINDS: ProductKind[] = [
  {
    category: 'mens-shirts',
    brands: ['Harbor & Co', 'Northwind', 'Tailor Lane', 'Oakridge', 'Linea'],
    adjectives: [
      t('Classic', '经典'),
      t('Oxford', '牛津纺'),
      t('Everyday', '日常'),
      t('Washed', '水洗'),
      t('Tailored', '修身剪裁'),
      t('Breezy', '清爽'),
    ],
    nouns: [
      n('Linen Shirt', '亚麻衬衫', { material: 'Linen' }),
      n('Cotton Shirt', '纯棉衬衫', { material: 'Cotton' }),
      n('Denim Shirt', '牛仔衬衫', { material: 'Denim' }),
      n('Flannel Shirt', '法兰绒衬衫', { material: 'Wool', sleeve: 'Long' }),
      n('Polo Shirt', 'Polo 衫', { material: 'Cotton', sleeve: 'Short' }),
    ],
    colours: ['Navy', 'White', 'Olive'],
    variants: { kind: 'size', sizes: ['S', 'M', 'L', 'XL', 'XXL'] },
    price: [1999, 6999],
    weightGrams: [180, 320],
    sizeMm: [
      [280, 320],
      [220, 260],
      [20, 40],
    ],
    values: { care: CARE },
    tags: ['shirt', 'menswear'],
    pitches: [
      t('Cut for comfort from the office to the weekend.', '从办公室到周末都舒适合身。'),
      t('Soft on the skin and easy to iron.', '亲肤柔软，易于熨烫。'),
      t('A wardrobe staple that goes with everything.', '百搭的衣橱必备单品。'),
    ],
  },
  {
    category: 'womens-dresses',
    brands: ['Maison Ivy', 'Petal', 'Solstice', 'Aurora', 'Wren'],
    adjectives: [
      t('Floral', '碎花'),
      t('Wrap', '裹身'),
      t('Pleated', '百褶'),
      t('Summer', '夏日'),
      t('Evening', '晚宴'),
      t('Tiered', '层叠'),
    ],
    nouns: [
      n('Midi Dress', '中长连衣裙', { length: 'Midi' }),
      n('Maxi Dress', '长款连衣裙', { length: 'Maxi' }),
      n('Shirt Dress', '衬衫裙', { material: 'Cotton' }),
      n('Silk Slip Dress', '真丝吊带裙', { material: 'Silk', sleeve: 'Sleeveless' }),
      n('Knit Dress', '针织连衣裙', { material: 'Wool', sleeve: 'Long' }),
    ],
    colours: ['Rose', 'Black', 'Sky blue'],
    variants: { kind: 'size', sizes: ['XS', 'S', 'M', 'L', 'XL'] },
    price: [2999, 12999],
    weightGrams: [200, 450],
    sizeMm: [
      [300, 350],
      [230, 270],
      [30, 50],
    ],
    values: { care: CARE },
    tags: ['dress', 'womenswear'],
    pitches: [
      t('Flows beautifully and moves with you.', '垂坠飘逸，随步轻扬。'),
      t('Dress it up or down for any occasion.', '正式或休闲场合皆可驾驭。'),
      t('Fully lined, with hidden side pockets.', '全衬里设计，附隐形侧袋。'),
    ],
  },
  {
    category: 'shoes',
    brands: ['Stride', 'Trailhead', 'Cobble', 'Pace', 'Urbano'],
    adjectives: [
      t('Lightweight', '轻量'),
      t('Classic', '经典'),
      t('All-weather', '全天候'),
      t('Retro', '复古'),
      t('Cushioned', '缓震'),
    ],
    nouns: [
      n('Running Shoes', '跑步鞋', { material: 'Polyester', closure: 'Laces' }),
      n('Leather Boots', '皮靴', { material: 'Leather' }),
      n('Canvas Sneakers', '帆布鞋', { material: 'Canvas' }),
      n('Loafers', '乐福鞋', { material: 'Leather', closure: 'Slip-on' }),
      n('Hiking Boots', '登山靴', { waterproof: true, closure: 'Laces' }),
    ],
    colours: ['Black', 'White', 'Sand'],
    variants: { kind: 'size', sizes: ['38', '39', '40', '41', '42', '43', '44', '45'] },
    price: [4999, 15999],
    weightGrams: [600, 1400],
    sizeMm: [
      [320, 360],
      [200, 230],
      [110, 140],
    ],
    values: { heel_height_mm: range(10, 45, 5), care: pick('Wipe clean', 'Brush when dry') },
    tags: ['shoes', 'footwear'],
    pitches: [
      t(
        'Grippy outsole and a cushioned footbed for all-day wear.',
        '防滑大底与缓震鞋垫，久穿不累。',
      ),
      t('Breaks in quickly and lasts for years.', '上脚快，经久耐穿。'),
      t('True to size; go up half a size for thick socks.', '尺码标准，穿厚袜建议大半码。'),
    ],
  },
  {
    category: 'phones',
    brands: ['Nova', 'Lumen', 'Pixelate', 'Orbit', 'Zephyr'],
    adjectives: [
      t('Pro', 'Pro'),
      t('Lite', '轻享版'),
      t('Max', 'Max'),
      t('Plus', 'Plus'),
      t('Mini', 'Mini'),
    ],
    nouns: [
      n('Smartphone', '智能手机', { has_5g: true }),
      n('5G Phone', '5G 手机', { has_5g: true }),
      n('Camera Phone', '影像手机'),
      n('Foldable Phone', '折叠屏手机', { screen_size_in: 7.6, has_5g: true }, [99900, 179900]),
    ],
    colours: ['Graphite', 'Silver', 'Teal'],
    variants: { kind: 'colour' },
    price: [19900, 119900],
    models: true,
    weightGrams: [160, 260],
    sizeMm: [
      [160, 180],
      [85, 100],
      [45, 60],
    ],
    values: {
      warranty_months: WARRANTY,
      screen_size_in: pick(6.1, 6.3, 6.5, 6.7, 6.8),
      storage_gb: pick(128, 256, 512),
    },
    tags: ['phone', 'smartphone', 'mobile'],
    pitches: [
      t(
        'A bright OLED display and a camera that shines at night.',
        '明亮的 OLED 屏幕，夜景拍摄出色。',
      ),
      t('All-day battery with fast wired and wireless charging.', '续航持久，支持有线与无线快充。'),
      t('Unlocked and ready for every carrier.', '全网通，即插即用。'),
    ],
  },
  {
    category: 'headphones',
    brands: ['Sonique', 'Bassline', 'Aerial', 'Quietude', 'Echo'],
    adjectives: [
      t('Studio', '录音室'),
      t('Sport', '运动'),
      t('Travel', '旅行'),
      t('Pure', '纯净'),
      t('Deep Bass', '重低音'),
    ],
    nouns: [
      n('Wireless Earbuds', '无线耳机', { wireless: true, form_factor: 'In-ear' }),
      n('Over-Ear Headphones', '头戴式耳机', { form_factor: 'Over-ear' }),
      n('Noise-Cancelling Headphones', '降噪耳机', {
        noise_cancelling: true,
        wireless: true,
        form_factor: 'Over-ear',
      }),
      n('On-Ear Headphones', '贴耳式耳机', { form_factor: 'On-ear' }),
      n(
        'Wired Earphones',
        '有线耳机',
        {
          wireless: false,
          noise_cancelling: false,
          form_factor: 'In-ear',
        },
        [999, 4999],
      ),
    ],
    colours: ['Black', 'White', 'Rose'],
    variants: { kind: 'colour' },
    price: [2999, 34999],
    models: true,
    weightGrams: [50, 350],
    sizeMm: [
      [120, 220],
      [100, 190],
      [50, 90],
    ],
    values: { warranty_months: WARRANTY, battery_hours: range(6, 60, 2) },
    tags: ['headphones', 'audio'],
    pitches: [
      t('Rich, balanced sound with punchy bass.', '声音饱满均衡，低音有力。'),
      t('Comfortable enough to wear all day.', '佩戴舒适，整天不累。'),
      t('Pairs instantly and switches between devices.', '秒速配对，多设备自由切换。'),
    ],
  },
  {
    category: 'laptops',
    brands: ['Vertex', 'Lumen', 'Corebook', 'Aster', 'Nimbus'],
    adjectives: [
      t('Air', 'Air'),
      t('Pro', 'Pro'),
      t('Creator', '创作者'),
      t('Slim', '轻薄'),
      t('Gaming', '游戏'),
    ],
    nouns: [
      n('Laptop', '笔记本电脑'),
      n('Ultrabook', '超极本'),
      n('2-in-1 Laptop', '二合一笔记本'),
      n('Chromebook', 'Chromebook', { os: 'ChromeOS' }),
    ],
    colours: ['Silver', 'Graphite', 'Navy'],
    variants: { kind: 'colour' },
    price: [49900, 249900],
    models: true,
    weightGrams: [1100, 2600],
    sizeMm: [
      [330, 400],
      [240, 290],
      [50, 80],
    ],
    values: {
      warranty_months: WARRANTY,
      screen_size_in: pick(13.3, 14, 15.6, 16),
      ram_gb: pick(8, 16, 16, 32),
      storage_gb: pick(256, 512, 1024),
      processor: pick(
        'Intel Core Ultra 5',
        'Intel Core Ultra 7',
        'AMD Ryzen 5',
        'AMD Ryzen 7',
        'Apple M4',
      ),
    },
    tags: ['laptop', 'computer'],
    pitches: [
      t('Fast, quiet and light enough to carry everywhere.', '性能强劲、安静，轻便随身。'),
      t('A sharp display and a keyboard you will enjoy typing on.', '清晰屏幕，键盘手感出色。'),
      t('Battery life that lasts a full working day.', '续航足以支撑一整个工作日。'),
    ],
  },
  {
    category: 'cookware',
    brands: ['Copperline', 'Hearth', 'Le Petit Chef', 'Ironwood', 'Wokmaster'],
    adjectives: [
      t('Non-stick', '不粘'),
      t('Professional', '专业'),
      t('Everyday', '家用'),
      t('Enamelled', '珐琅'),
      t('Tri-ply', '三层复合'),
    ],
    nouns: [
      n('Frying Pan', '煎锅', { capacity_l: 1.5 }),
      n('Dutch Oven', '铸铁锅', { material: 'Cast iron' }),
      n('Saucepan', '奶锅'),
      n('Wok', '炒锅'),
      n('Stockpot', '汤锅'),
    ],
    colours: ['Red', 'Black', 'Cream'],
    variants: { kind: 'colour' },
    price: [1999, 19999],
    weightGrams: [800, 5200],
    sizeMm: [
      [280, 450],
      [260, 320],
      [90, 200],
    ],
    values: {
      capacity_l: range(1, 8, 0.5),
      material: pick('Stainless steel', 'Cast iron', 'Aluminium', 'Ceramic'),
    },
    tags: ['cookware', 'kitchen'],
    pitches: [
      t('Heats evenly and cleans up in seconds.', '受热均匀，一擦即净。'),
      t('Works on gas, electric and induction hobs.', '适用于燃气、电炉及电磁炉。'),
      t('Built to last a lifetime of family dinners.', '经久耐用，陪伴每一顿家宴。'),
    ],
  },
  {
    category: 'furniture',
    brands: ['Nordhaus', 'Oak & Pine', 'Studio Loft', 'Hygge', 'Bamboo Home'],
    adjectives: [
      t('Scandinavian', '北欧风'),
      t('Compact', '小户型'),
      t('Mid-century', '中古风'),
      t('Solid wood', '实木'),
      t('Minimalist', '极简'),
    ],
    nouns: [
      n('Coffee Table', '茶几', { room: 'Living room' }),
      n('Bookshelf', '书架'),
      n('Desk', '书桌', { room: 'Office' }),
      n('Dining Chair', '餐椅', { room: 'Dining room' }, [4999, 24999]),
      n('Bedside Table', '床头柜', { room: 'Bedroom' }, [5999, 29999]),
    ],
    colours: ['Sand', 'White', 'Forest'],
    variants: { kind: 'colour' },
    price: [7999, 89999],
    weightGrams: [4000, 35000],
    sizeMm: [
      [600, 1600],
      [400, 800],
      [100, 300],
    ],
    values: { width_cm: range(40, 180, 5), material: pick('Oak', 'Walnut', 'Pine', 'Bamboo') },
    tags: ['furniture', 'home'],
    pitches: [
      t('Clean lines that suit any room.', '简洁线条，百搭各种空间。'),
      t('Sturdy, with rounded edges safe for children.', '结实稳固，圆角设计更安全。'),
      t(
        'Flat-packed with clear instructions and every tool you need.',
        '扁平包装，附清晰说明及全部工具。',
      ),
    ],
  },
  {
    category: 'fiction',
    brands: PUBLISHERS,
    adjectives: FICTION_ADJ,
    nouns: FICTION_NOUN,
    title: (faker) => {
      const adjective = faker.helpers.arrayElement(FICTION_ADJ);
      const noun = faker.helpers.arrayElement(FICTION_NOUN);
      return t(`The ${adjective.en} ${noun.en}`, `${adjective['zh-CN']}${noun['zh-CN']}`);
    },
    colours: ['Plum', 'Navy', 'Orange'],
    variants: { kind: 'format' },
    price: [899, 2999],
    weightGrams: [250, 800],
    sizeMm: [
      [195, 240],
      [130, 160],
      [20, 45],
    ],
    values: BOOK_VALUES,
    tags: ['book', 'novel'],
    pitches: BOOK_PITCHES,
  },
  {
    category: 'non-fiction',
    brands: PUBLISHERS,
    adjectives: [],
    nouns: TOPICS,
    title: (faker) =>
      faker.helpers.arrayElement(NON_FICTION_FORMS)(faker.helpers.arrayElement(TOPICS)),
    colours: ['Teal', 'Cream', 'Red'],
    variants: { kind: 'format' },
    price: [1299, 3499],
    weightGrams: [300, 900],
    sizeMm: [
      [210, 240],
      [140, 165],
      [20, 45],
    ],
    values: BOOK_VALUES,
    tags: ['book', 'non-fiction'],
    pitches: BOOK_PITCHES,
  },
  {
    category: 'childrens-books',
    brands: PUBLISHERS,
    adjectives: [],
    nouns: ANIMALS,
    title: (faker) => {
      const hero = faker.helpers.arrayElement(HEROES);
      const animal = faker.helpers.arrayElement(ANIMALS);
      return t(`${hero.en} and the ${animal.en}`, `${hero['zh-CN']}和${animal['zh-CN']}`);
    },
    colours: ['Orange', 'Sky blue', 'Rose'],
    variants: { kind: 'format' },
    price: [699, 1999],
    weightGrams: [200, 600],
    sizeMm: [
      [220, 280],
      [200, 260],
      [8, 15],
    ],
    values: { ...BOOK_VALUES, pages: range(24, 96, 4) },
    tags: ['book', 'kids', 'picture book'],
    pitches: [
      t('A bedtime favourite with warm, colourful illustrations.', '睡前必读，插画温暖多彩。'),
      t('Sturdy pages for little hands.', '书页结实，适合小手翻阅。'),
      t('Read it aloud: children join in with the refrain.', '适合亲子共读，孩子会跟着一起念。'),
    ],
  },
  {
    category: 'camping-hiking',
    brands: ['Summit', 'Trailhead', 'Basecamp', 'Wildway', 'Ridgeline'],
    adjectives: [
      t('Ultralight', '超轻'),
      t('Expedition', '远征'),
      t('Weekend', '周末'),
      t('Packable', '便携'),
      t('Storm-proof', '防风雨'),
    ],
    nouns: [
      n('2-Person Tent', '双人帐篷', { waterproof: true }, [8999, 39999]),
      n('Sleeping Bag', '睡袋'),
      n('Hiking Backpack', '登山背包'),
      n('Camping Lantern', '露营灯', { weight_kg: 0.4 }, [1499, 4999]),
      n('Rain Jacket', '冲锋衣', { waterproof: true }),
    ],
    colours: ['Forest', 'Orange', 'Graphite'],
    variants: { kind: 'colour' },
    price: [1499, 39999],
    weightGrams: [300, 3500],
    sizeMm: [
      [300, 600],
      [150, 300],
      [100, 250],
    ],
    values: { weight_kg: range(0.3, 3.5, 0.1) },
    tags: ['outdoor', 'camping', 'hiking'],
    pitches: [
      t('Tested on the trail in wind and rain.', '经受风雨中的实地测试。'),
      t('Packs down small and sets up in minutes.', '收纳小巧，数分钟即可搭好。'),
      t('Tough ripstop fabric with taped seams.', '坚韧防撕面料，接缝压胶处理。'),
    ],
  },
  {
    category: 'fitness',
    brands: ['Ironclad', 'Flexa', 'Pulse', 'CoreFit', 'Kinetic'],
    adjectives: [
      t('Adjustable', '可调节'),
      t('Non-slip', '防滑'),
      t('Home', '家用'),
      t('Pro', '专业'),
      t('Compact', '紧凑'),
    ],
    nouns: [
      n('Dumbbell Set', '哑铃套装', { material: 'Steel' }),
      n('Yoga Mat', '瑜伽垫', { material: 'Foam', weight_kg: 1.2 }, [1999, 5999]),
      n('Kettlebell', '壶铃', { material: 'Steel' }),
      n('Resistance Bands', '弹力带', { material: 'Rubber', weight_kg: 0.5 }, [999, 2999]),
      n('Jump Rope', '跳绳', { material: 'Nylon', weight_kg: 0.3 }, [799, 2499]),
    ],
    colours: ['Black', 'Teal', 'Plum'],
    variants: { kind: 'single' },
    price: [999, 19999],
    weightGrams: [300, 20000],
    sizeMm: [
      [200, 650],
      [100, 250],
      [80, 200],
    ],
    values: { weight_kg: range(2, 24, 2) },
    tags: ['fitness', 'workout'],
    pitches: [
      t('Everything you need for a full workout at home.', '居家完成全套训练所需。'),
      t('A secure grip, even when the session gets sweaty.', '即使大汗淋漓也握持稳固。'),
      t('Stores away neatly when you are done.', '用完收纳整齐不占地。'),
    ],
  },
  {
    category: 'skincare',
    brands: ['Dewdrop', 'Pure Botanica', 'Lumière', 'Jade Garden', 'Aqualis'],
    adjectives: [
      t('Hydrating', '补水'),
      t('Gentle', '温和'),
      t('Brightening', '提亮'),
      t('Soothing', '舒缓'),
      t('Daily', '日常'),
    ],
    nouns: [
      n('Face Cream', '面霜'),
      n('Serum', '精华液'),
      n('Cleanser', '洁面乳', {}, [899, 2999]),
      n('Sunscreen SPF 50', '防晒霜 SPF50'),
      n('Toner', '爽肤水', {}, [899, 2999]),
    ],
    colours: ['Cream', 'Sky blue', 'Rose'],
    variants: { kind: 'single' },
    price: [899, 6999],
    weightGrams: [80, 350],
    sizeMm: [
      [60, 160],
      [50, 80],
      [50, 80],
    ],
    values: { volume_ml: pick(30, 50, 100, 150, 200) },
    tags: ['skincare', 'beauty'],
    pitches: [
      t('Dermatologist tested and fragrance free.', '经皮肤科测试，无添加香精。'),
      t('Absorbs quickly without a greasy feel.', '吸收迅速，不油腻。'),
      t('Kind to sensitive skin, morning and night.', '敏感肌早晚皆可使用。'),
    ],
  },
  {
    category: 'fragrance',
    brands: ['Maison Ivy', 'Oud & Amber', 'Petal', 'Citrine', 'Noir'],
    adjectives: [
      t('Midnight', '午夜'),
      t('Garden', '花园'),
      t('Ocean', '海洋'),
      t('Velvet', '丝绒'),
      t('Spring', '春日'),
    ],
    nouns: [
      n('Eau de Parfum', '淡香精', { concentration: 'Eau de parfum' }),
      n('Eau de Toilette', '淡香水', { concentration: 'Eau de toilette' }),
      n('Parfum', '香精', { concentration: 'Parfum' }),
    ],
    colours: ['Plum', 'Sand', 'Teal'],
    variants: { kind: 'single' },
    price: [2999, 15999],
    weightGrams: [150, 450],
    sizeMm: [
      [90, 140],
      [60, 90],
      [50, 80],
    ],
    values: { volume_ml: pick(30, 50, 75, 100) },
    tags: ['fragrance', 'perfume', 'beauty'],
    pitches: [
      t('Opens bright and settles into a warm, lasting trail.', '前调明亮，尾调温暖持久。'),
      t('A signature scent for day and evening.', '日夜皆宜的标志性香氛。'),
      t('Comes in a gift-ready box.', '附精美礼盒，送礼自用皆宜。'),
    ],
  },
];

/** What every product of a department promises, in the description's list. */
export const HIGHLIGHTS: Record<string, Localized[]> = {
  clothing: [
    t('Pre-washed: no shrinking after the first wash', '预缩处理，首次洗涤不缩水'),
    t('Reinforced seams', '加固缝线'),
    t('Responsibly sourced fabric', '负责任采购的面料'),
    t('Free size exchange within 30 days', '30 天内免费换码'),
  ],
  electronics: [
    t('Manufacturer warranty included', '含原厂保修'),
    t('USB-C charging', 'USB-C 充电'),
    t('Free software updates', '免费软件更新'),
    t('Recyclable packaging', '可回收包装'),
  ],
  'home-kitchen': [
    t('Food-safe, PFOA-free materials', '食品级材料，不含 PFOA'),
    t('Easy to clean', '易于清洁'),
    t('Ten-year guarantee', '十年质保'),
    t('Ships in recyclable packaging', '可回收包装发货'),
  ],
  books: [
    t('Printed on FSC-certified paper', 'FSC 认证纸张印刷'),
    t('Includes a reading guide', '附阅读指南'),
    t('Sewn binding that lies flat', '锁线装订，可平摊阅读'),
  ],
  'sports-outdoors': [
    t('Tested by our outdoor team', '经户外团队实测'),
    t('Lifetime repair service', '终身维修服务'),
    t('Carry bag included', '附收纳袋'),
  ],
  beauty: [
    t('Never tested on animals', '无动物实验'),
    t('Recyclable bottle', '可回收瓶身'),
    t('Made in small batches', '小批量生产'),
  ],
};
