import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

export default defineConfig({
  root: "src/web",
  // Every asset also as .br and .gz beside it: the server sends the smallest one the browser accepts, with no work per request.
  plugins: [react(), compression({ algorithms: ["brotliCompress", "gzip"] })],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:3000", "/healthz": "http://localhost:3000" },
  },
});
