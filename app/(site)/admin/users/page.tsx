import type { Metadata } from "next";
import Link from "next/link";
import { loadStaffPage } from "@/lib/auth/page-access";
import { listUsersForAdmins } from "@/lib/accounts/queries";
import { ROLES, userListSchema, type UserListQuery } from "@/lib/accounts/schema";
import { UserTable } from "@/components/admin/user-table";
import { changeRoleFromForm, disableUserFromForm, enableUserFromForm } from "./actions";

export const metadata: Metadata = { title: "Users — back office", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Record<string, string> = {
  role: "Role changed. The account's sessions have ended: it logs in again with its new role.",
  disabled: "Account disabled and logged out everywhere.",
  enabled: "Account re-enabled: it can log in again.",
};

export default async function AdminUsersPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = userListSchema.parse(params);
  const { list, currentUserId } = await loadStaffPage(`/admin/users?${pageQuery(query, query.page)}`, async (actor) => ({
    list: await listUsersForAdmins(actor, query),
    currentUserId: actor!.id,
  }));
  const done = typeof params.done === "string" ? DONE[params.done] : undefined;
  return (
    <>
      <h1>Users</h1>
      <p className="lead">
        Change an account&apos;s role, or disable it: a disabled account cannot log in, and its sessions end at once.
      </p>
      {done && (
        <p className="form-success" role="status">
          {done}
        </p>
      )}
      <form method="get" action="/admin/users" className="log-filters" aria-label="Find accounts">
        <label>
          Name or email
          <input type="search" name="q" defaultValue={query.q} />
        </label>
        <label>
          Role
          <select name="role" defaultValue={query.role ?? ""}>
            <option value="">Any</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role.charAt(0) + role.slice(1).toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          State
          <select name="status" defaultValue={query.status ?? ""}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="disabled">Disabled</option>
          </select>
        </label>
        <button type="submit">Find</button>
      </form>
      <p role="status">
        {list.total} account{list.total === 1 ? "" : "s"}
        {list.pages > 1 && ` — page ${list.page} of ${list.pages}`}
      </p>
      <UserTable
        users={list.users}
        currentUserId={currentUserId}
        actions={{ changeRole: changeRoleFromForm, disable: disableUserFromForm, enable: enableUserFromForm }}
      />
      <nav className="post-pagination" aria-label="Account list pages">
        {list.page > 1 && <Link href={`/admin/users?${pageQuery(query, list.page - 1)}`}>Previous page</Link>}
        {list.page < list.pages && <Link href={`/admin/users?${pageQuery(query, list.page + 1)}`}>Next page</Link>}
      </nav>
    </>
  );
}

function pageQuery(query: UserListQuery, page: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, page }))
    if (value !== undefined && value !== "") search.set(key, String(value));
  return search.toString();
}
