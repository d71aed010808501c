/** The draft module's one door: what the rest of the code may use. */
export * from "./appendices.ts";
export * from "./cover-email.ts";
export * from "./labels.ts";
export * from "./merge-plan.ts";
export * from "./plan.ts";
export * from "./skeleton.ts";
export * from "./unit-content.ts";
