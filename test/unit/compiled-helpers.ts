// The CommonJS interop helpers compilers emit, verbatim, for tests of compiled apps (TypeScript apps
// ship tsc's output; verdaccio and parse-server ship Babel's).

/** tsc's helper for `import x from 'y'` under esModuleInterop, verbatim. */
export const TSC_IMPORT_DEFAULT = `var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
`;

/** Babel's helper for the same, verbatim (verdaccio, parse-server). */
export const BABEL_INTEROP = `function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
`;
