import type { Config } from '@react-router/dev/config'

export default {
	ssr: true,
	future: {
		v8_middleware: true,
		v8_passThroughRequests: true,
		v8_splitRouteModules: true,
		v8_trailingSlashAwareDataRequests: true,
		// Off: our Express dev server loads the app through vite.ssrLoadModule.
		v8_viteEnvironmentApi: false,
	},
} satisfies Config
