import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The integration tests start Chromium and print PDFs.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
