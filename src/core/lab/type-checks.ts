/**
 * Compile-time checks that a schema and a hand-written type agree: `Expect<Assignable<A, B>>` is a
 * type error unless every A is a B.
 */

/** `true` when A is assignable to B, `false` otherwise. */
export type Assignable<A, B> = [A] extends [B] ? true : false;

/** Accepts only `true`: `Expect<Assignable<A, B>>` makes tsc fail when A is not a B. */
export type Expect<T extends true> = T;

/** T with `readonly` taken off at every depth (valibot's input types are mutable; ours are readonly). */
export type DeepMutable<T> = T extends readonly unknown[] ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
