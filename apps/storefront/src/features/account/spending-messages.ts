import { defineMessages } from '../../shared/i18n/messages';

const en = {
  heading: 'Spending by category',
  description: 'What you paid for delivered and ongoing orders, net of refunds.',
  period: 'Period',
  all: 'All time',
  year: 'Last 12 months',
  month: 'Last 30 days',
  loading: 'Loading your spending',
  failed: 'Your spending could not be loaded.',
  retry: 'Try again',
  none: 'Nothing bought in this period yet.',
  chartLabel: (currency: string) => `Spending by category in ${currency}`,
  category: 'Category',
  amount: 'Amount',
  showTable: 'Show as a table',
  purchases: 'Your purchases',
  wallet: 'Your wallet',
  ordersHeading: 'Orders and wallet',
  ordersDescription: 'Your purchases, their orders per seller, and your wallet balance.',
};

export type SpendingMessages = typeof en;

export const spendingMessages = defineMessages<SpendingMessages>({
  en,
  'zh-CN': {
    heading: '分类消费',
    description: '已付款订单的消费金额(已扣除退款)。',
    period: '时间范围',
    all: '全部',
    year: '最近 12 个月',
    month: '最近 30 天',
    loading: '正在加载消费数据',
    failed: '无法加载消费数据。',
    retry: '重试',
    none: '这段时间内还没有消费。',
    chartLabel: (currency: string) => `按分类的消费(${currency})`,
    category: '分类',
    amount: '金额',
    showTable: '以表格显示',
    purchases: '我的购买记录',
    wallet: '我的钱包',
    ordersHeading: '订单与钱包',
    ordersDescription: '你的购买记录、各卖家的订单以及钱包余额。',
  },
});
