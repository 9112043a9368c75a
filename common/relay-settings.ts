/**
 * Why the studio refused a relay address or asked for the studio key again. The studio core
 * answers these codes; the settings screen words them in the seller's language.
 */
export const RELAY_SETTINGS_ERRORS = {
  /** No key is saved for this relay address (a key is only ever sent to the address it was entered for). */
  keyNeeded: 'studio_key_needed',
  /** `http://` to a relay that is not on this machine: the key and every order would cross the network in clear. */
  notHttps: 'relay_not_https',
} as const;
