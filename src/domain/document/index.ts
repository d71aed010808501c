/** The document module's one door: what the rest of the code may use. */
export * from "./head-phrases.ts";
export * from "./legacy-encoding.ts";
export * from "./outline-layout.ts";
export * from "./outline.ts";
export * from "./report-skeleton.ts";
export * from "./secrecy.ts";
export * from "./section-content.ts";
export * from "./sections.ts";
export * from "./vietnamese-syllable.ts";
