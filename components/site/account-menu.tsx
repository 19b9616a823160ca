/**
 * The header's account area. Filled in by the browser after load so the
 * server's HTML stays the same for every reader. Placeholder until Accounts lands.
 */
export function AccountMenu() {
  return null;
}
