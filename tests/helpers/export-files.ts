// Export files the tests write themselves, in the shapes WordPress and Disqus write.

/** Text in CDATA; "]]>" split across two sections, as WordPress's exporter does. */
export const cdata = (text: string) => `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

export type WxrComment = {
  id: number;
  author: string;
  email?: string;
  date: string;
  content: string;
  approved?: string;
  type?: string;
  parent?: number;
  userId?: number;
};

export type WxrItem = {
  id: number;
  title: string;
  slug: string;
  content: string;
  date: string;
  status?: string;
  type?: string;
  creator?: string;
  excerpt?: string;
  password?: string;
  commentStatus?: string;
  categories?: [nicename: string, name: string][];
  tags?: [nicename: string, name: string][];
  comments?: WxrComment[];
};

export type WxrAuthor = { id: number; login: string; email: string; displayName: string };

export function wxrFile({
  version = "1.2",
  https = false,
  site = "https://blog.example/",
  title = "A test blog",
  authors = [],
  items,
}: {
  version?: string;
  https?: boolean;
  site?: string;
  title?: string;
  authors?: WxrAuthor[];
  items: WxrItem[];
}): string {
  const ns = `${https ? "https" : "http"}://wordpress.org/export/${version}/`;
  const tagDomain = version === "1.0" ? "tag" : "post_tag";
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="WordPress/6.5" created="2026-12-01 10:00" -->
<rss version="2.0"
	xmlns:excerpt="${ns}excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="${ns}"
>
<channel>
	<title>${cdata(title)}</title>
	<link>${site}</link>
	<wp:wxr_version>${version}</wp:wxr_version>
	<wp:base_site_url>${site}</wp:base_site_url>
${authors
  .map(
    (a) =>
      `	<wp:author><wp:author_id>${a.id}</wp:author_id><wp:author_login>${cdata(a.login)}</wp:author_login><wp:author_email>${cdata(a.email)}</wp:author_email><wp:author_display_name>${cdata(a.displayName)}</wp:author_display_name></wp:author>`,
  )
  .join("\n")}
${items.map((item) => wxrItem(item, tagDomain)).join("\n")}
</channel>
</rss>
`;
}

function wxrItem(item: WxrItem, tagDomain: string): string {
  return `	<item>
		<title>${cdata(item.title)}</title>
		<dc:creator>${cdata(item.creator ?? "maria")}</dc:creator>
		<content:encoded>${cdata(item.content)}</content:encoded>
		<excerpt:encoded>${cdata(item.excerpt ?? "")}</excerpt:encoded>
		<wp:post_id>${item.id}</wp:post_id>
		<wp:post_date>${item.date}</wp:post_date>
		<wp:post_date_gmt>${item.status === "draft" ? "0000-00-00 00:00:00" : item.date}</wp:post_date_gmt>
		<wp:comment_status>${item.commentStatus ?? "open"}</wp:comment_status>
		<wp:post_name>${cdata(item.slug)}</wp:post_name>
		<wp:status>${item.status ?? "publish"}</wp:status>
		<wp:post_type>${item.type ?? "post"}</wp:post_type>
		<wp:post_password>${cdata(item.password ?? "")}</wp:post_password>
${(item.categories ?? []).map(([nicename, name]) => `		<category domain="category" nicename="${nicename}">${cdata(name)}</category>`).join("\n")}
${(item.tags ?? []).map(([nicename, name]) => `		<category domain="${tagDomain}" nicename="${nicename}">${cdata(name)}</category>`).join("\n")}
${(item.comments ?? []).map(wxrComment).join("\n")}
	</item>`;
}

function wxrComment(comment: WxrComment): string {
  return `		<wp:comment>
			<wp:comment_id>${comment.id}</wp:comment_id>
			<wp:comment_author>${cdata(comment.author)}</wp:comment_author>
			<wp:comment_author_email>${cdata(comment.email ?? "")}</wp:comment_author_email>
			<wp:comment_author_IP>${cdata("203.0.113.7")}</wp:comment_author_IP>
			<wp:comment_date>${comment.date}</wp:comment_date>
			<wp:comment_date_gmt>${comment.date}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(comment.content)}</wp:comment_content>
			<wp:comment_approved>${comment.approved ?? "1"}</wp:comment_approved>
			<wp:comment_type>${comment.type ?? ""}</wp:comment_type>
			<wp:comment_parent>${comment.parent ?? 0}</wp:comment_parent>
			<wp:comment_user_id>${comment.userId ?? 0}</wp:comment_user_id>
		</wp:comment>`;
}

export type DisqusThread = { id: string; link: string; title: string; createdAt: string; closed?: boolean };
export type DisqusPost = {
  id: string;
  thread: string;
  message: string;
  createdAt: string;
  name: string;
  username?: string;
  email?: string;
  parent?: string;
  spam?: boolean;
  deleted?: boolean;
};

export function disqusFile({
  forum = "testforum",
  threads,
  posts,
}: {
  forum?: string;
  threads: DisqusThread[];
  posts: DisqusPost[];
}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<category dsq:id="1"><forum>${forum}</forum><title>General</title><isDefault>true</isDefault></category>
${threads
  .map(
    (
      t,
    ) => `<thread dsq:id="${t.id}"><id /><forum>${forum}</forum><category dsq:id="1" /><link>${t.link}</link><title>${cdata(t.title)}</title><message /><createdAt>${t.createdAt}</createdAt>
<author><name>Site Owner</name><email>owner@blog.example</email><isAnonymous>false</isAnonymous><username>siteowner</username></author><isClosed>${t.closed ? "true" : "false"}</isClosed><isDeleted>false</isDeleted></thread>`,
  )
  .join("\n")}
${posts
  .map(
    (
      p,
    ) => `<post dsq:id="${p.id}"><id /><message>${cdata(p.message)}</message><createdAt>${p.createdAt}</createdAt><isDeleted>${p.deleted ? "true" : "false"}</isDeleted><isSpam>${p.spam ? "true" : "false"}</isSpam>
<author><name>${cdata(p.name)}</name>${p.email ? `<email>${p.email}</email>` : ""}<isAnonymous>false</isAnonymous>${p.username ? `<username>${p.username}</username>` : ""}</author><ipAddress>198.51.100.4</ipAddress><thread dsq:id="${p.thread}" />${p.parent ? `<parent dsq:id="${p.parent}" />` : ""}</post>`,
  )
  .join("\n")}
</disqus>
`;
}
