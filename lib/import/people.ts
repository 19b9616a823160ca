import { hashPassword } from "@/lib/accounts/password";
import { USERNAME_MAX, USERNAME_MIN } from "@/lib/accounts/limits";
import type { Tx } from "@/lib/db";
import { slugify } from "@/lib/slugs";
import { randomToken, sha256Hex } from "@/lib/text";
import { validEmail } from "./plan";
import type { ImportReport } from "./report";
import type { SourceFile, SourcePerson } from "./schema";

/** Imported accounts' email when the export has none: reserved for documentation, so nothing is ever sent there. */
const NO_EMAIL_DOMAIN = "import.invalid";
const UNKNOWN_AUTHOR: SourcePerson = { login: "imported-author", userId: null, email: null, displayName: "Imported author" };

export type ImportedUser = { id: number; username: string };

/**
 * The site's own authors (WordPress users who wrote posts, the owner of a
 * Disqus forum) as Quire accounts. The same person is the same account: one
 * with the author's email already on the site is used as it is (its role
 * untouched); otherwise an editor account is made, with a password nobody
 * knows (as the seed does for people without a demo password) and mention
 * emails off, since its owner never signed up. They can claim it with
 * "Forgot password" at that email address.
 */
export class ImportPeople {
  private readonly users = new Map<string, Promise<ImportedUser>>();

  constructor(
    private readonly tx: Tx,
    private readonly file: SourceFile,
    private readonly report: ImportReport,
  ) {}

  /** The account for an item's author login (null: the item names none). */
  userFor(login: string | null): Promise<ImportedUser> {
    const person = this.personFor(login);
    const cached = this.users.get(person.login);
    if (cached) return cached;
    const user = this.findOrCreate(person);
    this.users.set(person.login, user);
    return user;
  }

  private personFor(login: string | null): SourcePerson {
    if (!login) return UNKNOWN_AUTHOR;
    const people = this.file.people;
    const exact = people.find((p) => p.login === login) ?? people.find((p) => p.login.toLowerCase() === login.toLowerCase());
    if (exact) return exact;
    // WordPress.com's theme test data names ">themereviewteam", a typo of a declared author.
    const cleaned = usernameOf(login).toLowerCase();
    const similar = people.find((p) => usernameOf(p.login).toLowerCase() === cleaned);
    if (similar) {
      this.report.note(
        `authors named by items but not declared in the file, taken to be the declared author of the same name`,
        login,
      );
      return similar;
    }
    return { login, userId: null, email: null, displayName: login };
  }

  private async findOrCreate(person: SourcePerson): Promise<ImportedUser> {
    const realEmail = validEmail(person.email)?.toLowerCase() ?? null;
    const email =
      realEmail ??
      `${slugify(person.login, 40) || "author"}-${sha256Hex(`${this.file.format}:${this.file.site}\n${person.login}`).slice(0, 8)}@${NO_EMAIL_DOMAIN}`;
    const existing = await this.tx.user.findUnique({ where: { email }, select: { id: true, username: true } });
    if (existing) return existing;
    const username = await this.freeUsername(usernameOf(person.login) || usernameOf(person.displayName));
    const created = await this.tx.user.create({
      data: {
        username,
        usernameKey: username.toLowerCase(),
        displayName: person.displayName.slice(0, 100) || null,
        email,
        passwordHash: await hashPassword(randomToken()),
        role: "EDITOR",
        mentionEmails: false,
        unsubscribeKey: randomToken(),
      },
      select: { id: true, username: true },
    });
    this.report.imported.people++;
    return created;
  }

  private async freeUsername(wanted: string): Promise<string> {
    const base = wanted.length >= USERNAME_MIN ? wanted : `${wanted}_author`.replace(/^_/, "");
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? "" : `-${n}`;
      const candidate = `${base.slice(0, USERNAME_MAX - suffix.length)}${suffix}`;
      const taken = await this.tx.user.findUnique({ where: { usernameKey: candidate.toLowerCase() }, select: { id: true } });
      if (!taken) return candidate;
    }
  }
}

/** A name reduced to what Quire's usernames and handles may hold: letters a–z, digits, _ and -. */
export function usernameOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .replace(/\s+/g, "_")
    .replace(/[^A-Za-z0-9_-]/g, "")
    .replace(/[-_]{2,}/g, "_")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, USERNAME_MAX)
    .replace(/[-_]+$/, "");
}
