/** Unit and component tests: everything under tests/ except the browser tests in tests/e2e. */
const swc = require("./jest.transform.js");

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/"],
  setupFiles: ["<rootDir>/tests/helpers/setup.ts"],
  transform: { "^.+\\.(t|j)sx?$": swc },
  moduleNameMapper: { "\\.(css|png|svg)$": "<rootDir>/tests/helpers/file-stub.js" },
};
