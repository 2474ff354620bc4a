// Mektep's web app. Built to web/dist, which build/mektep serves at / under a strict
// Content-Security-Policy (script-src 'self'; style-src 'self'): no inline scripts or
// styles, so component CSS goes to a .css file and nothing is injected at run time.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte({ configFile: false, emitCss: true, compilerOptions: { css: 'external' } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The preload polyfill is not needed by current browsers and would add code.
    modulePreload: { polyfill: false },
    target: 'es2022',
    cssCodeSplit: false,
  },
  server: {
    // `npm run dev` talks to a mektep server on 8080.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
