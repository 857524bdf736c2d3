// Types of bin/compile.js for the TypeScript that imports it (the tests).
export declare const ENTRIES: Record<string, string>;
/** The hash that names the compiled folder of the sources (of the project at `root`, by default this one). */
export declare function sourceHash(root?: string): string;
/** The compiled folder for the current sources, compiling it first if there is none. */
export declare function compiled(): Promise<string>;
/** How the engine is bundled (esbuild options without entries or output), given the sources' hash. */
export declare function bundleOptions(hash: string): Record<string, unknown>;
