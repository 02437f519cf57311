import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app (src/web) is built into dist/web, which the API server serves with an SPA fallback.
 * In development `vite` serves src/web and proxies /api to the API server on port 3000.
 */
const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * Vendor chunks, so the app's own chunk stays small and each library family is cached on its own. Groups
 * capture their dependencies too, so the libraries others depend on come first (higher priority).
 */
const nm = (names: string) => new RegExp(`node_modules[\\\\/](${names})[\\\\/]`);
const vendorGroups: {
  name: string;
  test: RegExp | ((id: string) => boolean);
  priority: number;
  maxSize?: number;
}[] = [
  {
    name: 'vendor-react',
    test: nm('react|react-dom|scheduler|react-router|@tanstack[\\\\/][^\\\\/]+|cookie|set-cookie-parser'),
    priority: 100,
  },
  { name: 'vendor-zrender', test: nm('zrender|tslib'), priority: 90 },
  { name: 'vendor-echarts', test: nm('echarts'), priority: 80 },
  {
    name: 'vendor-antd-icons',
    test: nm('@ant-design[\\\\/]icons|@ant-design[\\\\/]icons-svg'),
    priority: 70,
  },
  // antd's building blocks: @rc-component/*, css-in-js, colours, dayjs and small helpers
  {
    name: 'vendor-antd-base',
    test: (id) => id.includes('node_modules') && !/node_modules[\\/]antd[\\/]/.test(id),
    priority: 60,
    maxSize: 450_000,
  },
  // antd grows with every component used; maxSize splits it into several files before any gets large
  { name: 'vendor-antd', test: nm('antd'), priority: 50, maxSize: 600_000 },
];

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
        strictExecutionOrder: true,
      },
    },
  },
});
