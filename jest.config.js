/** Unit and component tests: everything under tests/ except the browser tests in tests/e2e. */
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/"],
  setupFiles: ["<rootDir>/tests/helpers/setup.ts"],
  transform: { "^.+\\.(t|j)sx?$": swc },
  moduleNameMapper: { "\\.(css|png|svg)$": "<rootDir>/tests/helpers/file-stub.js" },
};
module.exports.swc = swc;
