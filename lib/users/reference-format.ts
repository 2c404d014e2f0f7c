/**
 * The shape of a customer's reference (`cus_` and 80 random bits in hex), pure so ingestion can
 * refuse a user id that looks like one: pages, links and the audit record resolve a reference
 * before a user id, so a producer sending a victim's reference as `userid` would be taken for them.
 */
const REFERENCE = /^cus_[0-9a-f]{20}$/;

export const isReference = (value: string): boolean => REFERENCE.test(value);
