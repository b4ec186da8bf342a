import { countryName } from '../account/components/countries';

/** One line naming an address: "Ada Lovelace, 12 St James Square, London, United Kingdom". */
export function summarize(address: {
  recipient: string;
  line1: string;
  city: string;
  country: string;
}): string {
  return `${address.recipient}, ${address.line1}, ${address.city}, ${countryName(address.country)}`;
}
