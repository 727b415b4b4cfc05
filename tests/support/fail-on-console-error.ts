import { afterEach, beforeEach, expect, vi, type MockInstance } from "vitest";

// A console.error during a test is a failure: the server logs unexpected errors (500s) there.
let spy: MockInstance<typeof console.error>;

beforeEach(() => {
  spy = vi.spyOn(console, "error");
});

afterEach(() => {
  const calls = spy.mock.calls.map((args) => args.map(String).join(" "));
  spy.mockRestore();
  expect(calls, "console.error was called during the test").toEqual([]);
});
