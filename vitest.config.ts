import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Messages start in English in every test (scripts/messages/index.ts).
    setupFiles: ["test/support/messages-setup.ts"],
    // The integration tests start Chromium and print PDFs.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
