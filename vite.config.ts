import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

export default defineConfig(({ isSsrBuild }) => ({
	build: {
		target: 'es2022',
		rollupOptions: isSsrBuild ? { input: './server/app.ts' } : undefined,
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
}))
