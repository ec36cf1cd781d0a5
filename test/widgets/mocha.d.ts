// The browser tests run in Mocha (through @web/test-runner); these are the globals they use.
// @types/mocha is not installed, and the project's tsconfig lists only the node types.
declare function describe(title: string, fn: (this: unknown) => void): void;
declare function it(title: string, fn: (this: unknown) => Promise<unknown> | void): void;
declare function beforeEach(fn: () => Promise<unknown> | void): void;
declare function afterEach(fn: () => Promise<unknown> | void): void;
declare function before(fn: () => Promise<unknown> | void): void;
declare function after(fn: () => Promise<unknown> | void): void;
