/**
 * Mocha's globals, typed, for the browser tests (the project has no
 * `@types/mocha`, and declaring them globally could clash with another
 * test folder's declarations).
 */
type Done = () => void | Promise<void>;
interface Mocha {
  describe(name: string, body: () => void): void;
  it(name: string, body: Done): void;
  beforeEach(body: Done): void;
  afterEach(body: Done): void;
}

const mocha = globalThis as unknown as Mocha;
export const describe: Mocha['describe'] = (name, body) => mocha.describe(name, body);
export const it: Mocha['it'] = (name, body) => mocha.it(name, body);
export const beforeEach: Mocha['beforeEach'] = (body) => mocha.beforeEach(body);
export const afterEach: Mocha['afterEach'] = (body) => mocha.afterEach(body);
