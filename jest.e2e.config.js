/** Browser tests: playwright-core driving Debian's Chromium against the production build in dist/ (npm run build first). */
const swc = require("./jest.transform.js");

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: { "^.+\\.(t|j)sx?$": swc },
  testTimeout: 60_000,
  // One browser at a time: the machine has two cores and the tests share one server.
  maxWorkers: 1,
};
