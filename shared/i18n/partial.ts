/** A translation that may leave any string out (it falls back to Chinese). */
export type DeepPartialStrings<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartialStrings<T[K]> };
