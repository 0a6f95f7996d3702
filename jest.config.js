/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  testMatch: ['**/*.test.ts'],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
