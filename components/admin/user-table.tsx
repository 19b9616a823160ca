import { formatDate } from "@/lib/calendar";
import type { AdministeredUser } from "@/lib/accounts/queries";
import { UserActions, type UserActionsProps } from "./user-actions";

const ROLE_WORDS = { READER: "Reader", MODERATOR: "Moderator", EDITOR: "Editor", ADMIN: "Admin" } as const;

/** Accounts with their role and state; every row but the admin's own has the controls to change them. */
export function UserTable({
  users,
  currentUserId,
  actions,
}: {
  users: AdministeredUser[];
  currentUserId: number;
  actions: Omit<UserActionsProps, "user">;
}) {
  if (users.length === 0) return <p>No accounts match.</p>;
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">Account</th>
          <th scope="col">Role</th>
          <th scope="col">State</th>
          <th scope="col">Joined</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-username={user.username}>
            <td>
              {user.username}
              {user.displayName && ` (${user.displayName})`}
              <br />
              <small>{user.email}</small>
            </td>
            <td>{ROLE_WORDS[user.role]}</td>
            <td>
              {user.disabledAt ? (
                <span className="status-badge status-badge--deleted">Disabled {formatDate(user.disabledAt)}</span>
              ) : (
                "Active"
              )}
              {user.bannedUntil && user.bannedUntil > new Date() && (
                <>
                  <br />
                  <small>Banned from posting until {formatDate(user.bannedUntil)}</small>
                </>
              )}
            </td>
            <td>{formatDate(user.createdAt)}</td>
            <td>
              {user.id === currentUserId ? (
                <small>This is you: another administrator can change your account.</small>
              ) : (
                <UserActions user={{ ...user, disabled: user.disabledAt !== null }} {...actions} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
