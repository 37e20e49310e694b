/** The shop actions the demo can trigger in the sandbox shop (its control interface's action names). */
export const DEMO_ACTIONS = ["sign-up", "login", "place-order", "change-status", "remove-line", "create-product"] as const;
export type DemoAction = (typeof DEMO_ACTIONS)[number];
