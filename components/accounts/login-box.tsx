/**
 * The article page's login box (username, password, "forgot password?", sign-up link).
 * Placeholder until the Accounts work lands.
 */
export function LoginBox() {
  return null;
}
