/** Sizes every receiver enforces before parsing; shared so senders can check first. */
export const MAX_SIGNAL_MESSAGE_BYTES = 64 * 1024;
export const MAX_SDP_BYTES = 48 * 1024;
export const MAX_TITLE_LENGTH = 120;
export const MAX_API_BODY_BYTES = 256 * 1024;
