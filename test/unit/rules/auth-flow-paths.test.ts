// The pages of the sign-in flow (rules/auth-flow-paths.ts): words of literal path segments.
import * as assert from 'assert';
import { isAuthFlowPath } from '../../../src/rules/auth-flow-paths';

describe('auth flow paths', () => {
  it('log in, sign up, password reset, e-mail verification and OAuth callbacks, however the words are joined', () => {
    for (const p of ['/auth/login', '/users/sign-up', '/request_password_reset', '/users/verify-email', '/auth/google/callback', '/signIn', '/log-out']) {
      assert.strictEqual(isAuthFlowPath(p), true, p);
    }
  });

  it('not a parameter that happens to hold such a word, nor other pages', () => {
    for (const p of ['/users/:login', '/orders', '/users/:id/profile', '/*reset']) assert.strictEqual(isAuthFlowPath(p), false, p);
  });
});
