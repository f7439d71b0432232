// Types for the tests that read the lint config's own rule entries (test/node/build/*).
export const layeringMessage: string;
export const useCallKeyMessage: string;
export const useCallKeyRule: ['error', { selector: string; message: string }];
export const toastMessage: string;
export const toastSelectors: { selector: string; message: string }[];
export const TOAST_HOME: string;
declare const config: unknown[];
export default config;
