/**
 * English (and romanised Korean) starter words on top of obscenity's English dataset, which is
 * maintained upstream (obscenity/englishDataset, with its own whitelist for Scunthorpe-style
 * false positives). These are matched as whole words after obscenity's recommended transformers.
 *
 * The romanised entries are 시발/병신 typed in Latin or with the keyboard left in English mode
 * (ㅅ=t ㅣ=l ㅂ=q ㅏ=k ㄹ=f → "tlqkf"), a very common dodge in Korean chats.
 */
export const ENGLISH_STARTER_WORDS: readonly string[] = ['sibal', 'ssibal', 'shibal', 'tlqkf', 'qudtls', 'whssk', 'ssibal', 'gaesaekki', 'byungsin'];
