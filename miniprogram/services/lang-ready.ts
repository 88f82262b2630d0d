/**
 * The mini-program carries both languages in its main package: nothing to wait for before the first render.
 * H5 waits for a Tibetan reader's texts (`lang-ready.h5.ts`, which Taro picks for the H5 build).
 */
export {}
