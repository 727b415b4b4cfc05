/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Native and WASM packages must be loaded by Node, never bundled or pre-bundled.
const nodeOnly = ["@electric-sql/pglite", "@node-rs/argon2"];

export default defineConfig({
  resolve: {
    alias: {
      "~": fromRoot("./app"),
      "#db": fromRoot("./db"),
      "#emails": fromRoot("./emails"),
    },
  },
  ssr: { external: nodeOnly },
  optimizeDeps: { exclude: nodeOnly },
  build: {
    target: "es2022",
    rollupOptions: {
      // Two warnings that say nothing actionable: zod's comments Rollup cannot read as annotations,
      // and the empty client chunks of resource routes (CSV, files, health) that have no UI.
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules")) return;
        if (warning.code === "EMPTY_BUNDLE") return;
        warn(warning);
      },
    },
  },
  plugins: [
    // The Remix plugin is left out under Vitest (remix-run/remix#8982).
    !process.env.VITEST &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
  ],
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: true,
  },
});
