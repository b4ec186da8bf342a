import { defineMessages } from '../../shared/i18n/messages';

const en = { checkout: 'Checkout' };

export const cartMessages = defineMessages<typeof en>({ en, 'zh-CN': { checkout: '去结算' } });
