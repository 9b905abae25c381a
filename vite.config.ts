import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

export default defineConfig({
	build: { target: 'es2022' },
	environments: {
		// The server build starts from our Express app, which imports React Router's server build.
		ssr: { build: { rollupOptions: { input: './server/app.ts' } } },
	},
	ssr: {
		// Native and WebAssembly packages are loaded by Node at run time, not bundled.
		external: [
			'@node-rs/argon2',
			'@electric-sql/pglite',
			'@prisma/schema-engine-wasm',
			'pglite-prisma-adapter',
			'pg',
		],
	},
	plugins: [tailwindcss(), reactRouter()],
})
