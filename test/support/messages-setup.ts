/**
 * Each test starts with English messages, as a process does before it reads
 * a report's language; a test that loads a project gets that project's.
 */
import { beforeEach } from "vitest";
import { useMessageLanguage } from "../../scripts/messages/index.ts";

beforeEach(() => {
  useMessageLanguage(undefined);
});
