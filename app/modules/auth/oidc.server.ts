// Single sign-on through OpenID Connect: Authorization Code flow with PKCE, state and nonce, through
// openid-client. See docs/decisions/025-single-sign-on-with-openid-connect.md.
import { createHash } from 'node:crypto'
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose'
import * as client from 'openid-client'
import { createCookie } from 'react-router'
import { recordEvent } from '#app/modules/audit/record-event.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { cookiesAreSecure, getEnv, type OidcSettings } from '#app/utils/env.server.ts'
import { safeRedirect } from '#app/utils/redirect.ts'
import { type RequestInfo } from '#app/utils/request-context.ts'
import { getSessionSecret } from '#app/utils/secrets.server.ts'
import { type SignedInFromClaims, signInFromClaims } from './oidc-accounts.server.ts'
import { SingleSignOnError } from './sso-error.ts'

export { SingleSignOnError } from './sso-error.ts'

/** How long a person has between leaving for the identity provider and coming back. */
export const SIGN_IN_REQUEST_LIFETIME_MS = 10 * 60 * 1000
const DISCOVERY_TIMEOUT_SECONDS = 10

const TRY_AGAIN =
	'Sign-in through your CMS account did not complete. Start again from the sign-in page.'

// ── Provider configuration (discovery) ──

const configurations = new Map<string, Promise<client.Configuration>>()

/**
 * The provider's metadata, discovered from the issuer once per process; a failed discovery is
 * forgotten so that the next sign-in tries again (the provider may have been down).
 */
export function oidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
	const key = `${settings.issuer} ${settings.clientId} ${settings.tokenAuthMethod}`
	let configuration = configurations.get(key)
	if (!configuration) {
		configuration = discover(settings)
		configurations.set(key, configuration)
		configuration.then((resolved) => rememberFormOrigins(settings, resolved)).catch(() => undefined)
		configuration.catch(() => configurations.delete(key))
	}
	return configuration
}

/** Tests start providers one after another; production discovers once. */
export function forgetOidcConfigurations() {
	configurations.clear()
	remoteKeySets.clear()
}

async function discover(settings: OidcSettings) {
	const clientAuthentication =
		settings.tokenAuthMethod === 'client_secret_basic'
			? client.ClientSecretBasic(settings.clientSecret ?? '')
			: settings.tokenAuthMethod === 'client_secret_post'
				? client.ClientSecretPost(settings.clientSecret ?? '')
				: client.None()
	// The ID token's signature is checked against the provider's published keys (JWKS), refetched when
	// a token names a key not seen before: a rotated key works without a restart.
	const execute: Array<(config: client.Configuration) => void> = [client.enableNonRepudiationChecks]
	// Plain HTTP is accepted only for a provider on this machine (tests); the environment check refuses it elsewhere.
	if (new URL(settings.issuer).protocol === 'http:') execute.push(client.allowInsecureRequests)
	return client.discovery(
		new URL(settings.issuer),
		settings.clientId,
		undefined,
		clientAuthentication,
		{
			execute,
			timeout: DISCOVERY_TIMEOUT_SECONDS,
		},
	)
}

const providerFormOrigins = new Set<string>()

/**
 * The origins the sign-in and sign-out forms lead to: the provider's issuer and, once discovered, its
 * authorization and end-session endpoints. A form sent before the page's scripts have run (or with
 * JavaScript off) is a plain post whose redirect to the provider the browser checks against the
 * Content-Security-Policy's form-action, so these must be listed there beside the app's own origin.
 */
export function singleSignOnFormOrigins(): Array<string> {
	return [...providerFormOrigins]
}

function rememberFormOrigins(settings: OidcSettings, configuration: client.Configuration) {
	const metadata = configuration.serverMetadata()
	for (const address of [
		settings.issuer,
		metadata.authorization_endpoint,
		metadata.end_session_endpoint,
	]) {
		if (address) providerFormOrigins.add(new URL(address).origin)
	}
}

/** At start-up: discover early so the first sign-in is quick; a provider that is down only logs. */
export function warmUpSingleSignOn(settings: OidcSettings | null) {
	if (!settings) return
	providerFormOrigins.add(new URL(settings.issuer).origin)
	oidcConfiguration(settings).catch((error: unknown) => {
		console.warn(
			`Single sign-on: the identity provider at ${settings.issuer} could not be reached yet (${describe(error)}); sign-in retries it.`,
		)
	})
}

// ── The state cookie: the callback must come back to the browser that left ──

let stateCookie: ReturnType<typeof createCookie> | undefined
function getStateCookie() {
	stateCookie ??= createCookie('aigt_oidc', {
		httpOnly: true,
		// Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
		sameSite: 'lax',
		secure: cookiesAreSecure(getEnv()),
		path: '/auth/oidc',
		maxAge: SIGN_IN_REQUEST_LIFETIME_MS / 1000,
		secrets: [getSessionSecret()],
	})
	return stateCookie
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url')

// ── Sign-in ──

/**
 * Starts a sign-in: stores the PKCE verifier and nonce under the hash of a fresh `state`, and
 * returns the provider's authorization address and the cookie that ties the callback to this browser.
 */
export async function startSingleSignOn(
	settings: OidcSettings,
	redirectTo: string | null | undefined,
) {
	const configuration = await oidcConfiguration(settings).catch((error: unknown) => {
		throw new SingleSignOnError(
			`discovery failed: ${describe(error)}`,
			'The CMS sign-in service cannot be reached at the moment. Try again in a few minutes.',
		)
	})
	const state = client.randomState()
	const nonce = client.randomNonce()
	const codeVerifier = client.randomPKCECodeVerifier()
	const now = new Date()
	await prisma.$transaction([
		// Unfinished sign-ins from long ago are of no use to anyone.
		prisma.oidcLoginRequest.deleteMany({
			where: { expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
		}),
		prisma.oidcLoginRequest.create({
			data: {
				stateHash: sha256(state),
				nonce,
				codeVerifier,
				redirectTo: safeRedirect(redirectTo),
				expiresAt: new Date(now.getTime() + SIGN_IN_REQUEST_LIFETIME_MS),
			},
		}),
	])
	const parameters: Record<string, string> = {
		redirect_uri: settings.redirectUri,
		scope: settings.scopes,
		state,
		nonce,
		code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
	}
	if (settings.acrValues) parameters.acr_values = settings.acrValues
	return {
		authorizationUrl: client.buildAuthorizationUrl(configuration, parameters).href,
		setCookie: await getStateCookie().serialize(state),
	}
}

export type CompletedSignOn = SignedInFromClaims & {
	redirectTo: string
	oidcSessionId: string | null
	idToken: string
}

/** The Set-Cookie value that forgets a finished (or failed) sign-in's state. */
export function clearSingleSignOnCookie() {
	return getStateCookie().serialize('', { maxAge: 0 })
}

/**
 * Finishes a sign-in at the callback: the state must match this browser's cookie and an unused,
 * unexpired request; the code is exchanged (with the PKCE verifier) and the ID token validated —
 * issuer, audience, expiry, nonce and signature — before the account is found or provisioned.
 */
export async function completeSingleSignOn(
	settings: OidcSettings,
	request: Request,
	requestInfo: RequestInfo,
): Promise<CompletedSignOn> {
	const callback = new URL(request.url)
	try {
		const providerError = callback.searchParams.get('error')
		if (providerError) {
			throw new SingleSignOnError(
				`provider returned ${providerError.slice(0, 100)}`,
				providerError === 'access_denied'
					? 'Sign-in was cancelled or refused at the CMS sign-in service.'
					: TRY_AGAIN,
			)
		}
		const state = callback.searchParams.get('state')
		const browserState: unknown = await getStateCookie().parse(request.headers.get('Cookie'))
		if (!state || typeof browserState !== 'string' || state !== browserState) {
			throw new SingleSignOnError('state does not match this browser', TRY_AGAIN)
		}
		const now = new Date()
		// Consumed once: a replayed callback (the same code and state again) finds nothing to use.
		const consumed = await prisma.oidcLoginRequest.updateMany({
			where: { stateHash: sha256(state), usedAt: null, expiresAt: { gt: now } },
			data: { usedAt: now },
		})
		if (consumed.count === 0)
			throw new SingleSignOnError('sign-in request already used or expired', TRY_AGAIN)
		const pending = await prisma.oidcLoginRequest.findUniqueOrThrow({
			where: { stateHash: sha256(state) },
		})

		const configuration = await oidcConfiguration(settings)
		// The registered redirect URI with the provider's parameters: the address this process sees may
		// differ behind a proxy, and the token endpoint compares redirect_uri exactly.
		const currentUrl = new URL(settings.redirectUri)
		for (const [name, value] of callback.searchParams) currentUrl.searchParams.append(name, value)
		let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>
		try {
			tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
				pkceCodeVerifier: pending.codeVerifier,
				expectedState: state,
				expectedNonce: pending.nonce,
				idTokenExpected: true,
			})
		} catch (error) {
			throw new SingleSignOnError(`token or ID token refused: ${describe(error)}`, TRY_AGAIN)
		}
		const claims = tokens.claims()
		if (!claims || !tokens.id_token) throw new SingleSignOnError('no ID token', TRY_AGAIN)
		const account = await signInFromClaims(settings, claims, requestInfo)
		return {
			...account,
			redirectTo: pending.redirectTo,
			oidcSessionId: typeof claims.sid === 'string' ? claims.sid : null,
			idToken: tokens.id_token,
		}
	} catch (error) {
		if (error instanceof SingleSignOnError) {
			await recordRefusal(error.reason, requestInfo)
		}
		throw error
	}
}

async function recordRefusal(reason: string, request: RequestInfo) {
	await recordEvent(prisma, {
		actorId: null,
		action: 'auth.sso_refused',
		entityType: 'SingleSignOn',
		entityId: request.requestId,
		after: { reason: reason.slice(0, 500) },
		request,
	})
}

// ── Signing out ──

/**
 * Where to send the browser after the tracker's session ends: the provider's end-session endpoint
 * (RP-initiated logout, so the provider's session ends too), or null when it has none.
 */
export async function endSessionUrl(settings: OidcSettings, idToken: string | null) {
	if (!idToken) return null
	try {
		const configuration = await oidcConfiguration(settings)
		if (!configuration.serverMetadata().end_session_endpoint) return null
		return client.buildEndSessionUrl(configuration, {
			id_token_hint: idToken,
			post_logout_redirect_uri: settings.postLogoutRedirectUri,
		}).href
	} catch {
		// The provider is unreachable: the tracker's session has ended anyway.
		return null
	}
}

const remoteKeySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>()

const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout'
/** How old a logout token may be: a replayed old token cannot end sessions begun since. */
const LOGOUT_TOKEN_MAX_AGE = '5m'

export type LogoutToken = { subject: string | null; oidcSessionId: string | null }

/**
 * Validates a back-channel logout token (OpenID Connect Back-Channel Logout 1.0 §2.6): signed by
 * the provider's keys, issued by it, for this client, recent, carrying the logout event, a `sub` or
 * `sid`, a `jti`, and no `nonce`.
 */
export async function verifyLogoutToken(
	settings: OidcSettings,
	token: string,
): Promise<LogoutToken> {
	const configuration = await oidcConfiguration(settings)
	const metadata = configuration.serverMetadata()
	if (!metadata.jwks_uri)
		throw new SingleSignOnError(
			'provider publishes no keys',
			'The identity provider publishes no signing keys.',
		)
	let keySet = remoteKeySets.get(metadata.jwks_uri)
	if (!keySet) {
		keySet = createRemoteJWKSet(new URL(metadata.jwks_uri))
		remoteKeySets.set(metadata.jwks_uri, keySet)
	}
	try {
		const { payload } = await jwtVerify(token, keySet, {
			issuer: metadata.issuer,
			audience: settings.clientId,
			algorithms: metadata.id_token_signing_alg_values_supported ?? ['RS256'],
			maxTokenAge: LOGOUT_TOKEN_MAX_AGE,
			clockTolerance: 30,
		})
		const events = payload.events
		if (!events || typeof events !== 'object' || !(BACKCHANNEL_LOGOUT_EVENT in events))
			throw new Error('no back-channel logout event')
		if ('nonce' in payload) throw new Error('a logout token carries no nonce')
		if (typeof payload.jti !== 'string') throw new Error('no jti')
		const subject = typeof payload.sub === 'string' ? payload.sub : null
		const oidcSessionId = typeof payload.sid === 'string' ? payload.sid : null
		if (!subject && !oidcSessionId) throw new Error('neither sub nor sid')
		return { subject, oidcSessionId }
	} catch (error) {
		throw new SingleSignOnError(
			`logout token refused: ${describe(error)}`,
			'The logout token is not valid.',
		)
	}
}

function describe(error: unknown): string {
	if (error instanceof joseErrors.JOSEError) return `${error.code}: ${error.message}`
	if (error instanceof client.ClientError) {
		// The cause says which check failed, e.g. 'unexpected JWT "aud" (audience) claim value'.
		const cause = error.cause instanceof Error ? ` (${error.cause.message})` : ''
		return `${error.code ?? 'ClientError'}: ${error.message}${cause}`
	}
	if (error instanceof client.ResponseBodyError)
		return `${error.error}: ${error.error_description ?? error.message}`
	if (error instanceof client.AuthorizationResponseError)
		return `${error.error}: ${error.error_description ?? error.message}`
	return error instanceof Error ? error.message : String(error)
}
