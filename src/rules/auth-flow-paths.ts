// The pages of the sign-in flow: public by design on every framework, whatever auth sits around them
// (no-route-before-auth, no-route-outside-auth-scope).

/**
 * Words of the sign-in flow: pages that must be reachable without a session (log in, sign up,
 * password reset, e-mail verification, OAuth callbacks). Matched against the words of a path's
 * literal segments (`/request_password_reset`, `/auth/google/callback`, `/verify-email`).
 */
const AUTH_FLOW_WORDS = new Set([
  'login', 'logon', 'signin', 'logout', 'signout', 'signup', 'register', 'registration', 'password', 'passwd', 'forgot',
  'reset', 'verify', 'verification', 'confirm', 'confirmation', 'activate', 'activation', 'callback', 'oauth', 'oauth2',
  'sso', 'saml', 'openid', 'magic', 'invite', 'invitation', 'unsubscribe',
]);

export function isAuthFlowPath(path: string): boolean {
  return path.split('/').some(seg => !seg.startsWith(':') && !seg.startsWith('*')
    && seg.toLowerCase().replace(/-|_|\./g, ' ').replace(/sign (in|up|out)/g, 'sign$1').replace(/log (in|on|out)/g, 'log$1').split(' ').some(w => AUTH_FLOW_WORDS.has(w)));
}
