import sax from "sax";
import { ImportRefused } from "./errors";

/** An element as the importers read it: namespace URI and local name, attributes by written name ("dsq:id"), text and children. */
export type XmlElement = {
  uri: string;
  local: string;
  /** The qualified name as written ("wp:post_id"), for messages. */
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, concatenated (text inside child elements is theirs). */
  text: string;
  line: number;
};

/**
 * Limits that keep a hostile file from exhausting memory or time. The largest
 * real exports we know of have fields of a few hundred KB (an article with
 * inline images) and are nested six levels deep; HTML sits inside CDATA or is
 * escaped, so it adds no XML depth.
 */
export const XML_LIMITS = {
  fileBytes: 200 * 1024 * 1024,
  fieldBytes: 1024 * 1024,
  depth: 64,
  elements: 3_000_000,
} as const;

const describeBytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;

/** Refuses a file too large to import, before it is read. */
export function assertFileSize(bytes: number): void {
  if (bytes > XML_LIMITS.fileBytes) {
    throw new ImportRefused(
      `The file is ${describeBytes(bytes)}; Quire imports files of up to ${describeBytes(XML_LIMITS.fileBytes)}. Split the export (WordPress can export by date range) and import the parts one after another.`,
    );
  }
}

/**
 * Decodes an export file: UTF-8 only (every WXR and Disqus export is), a
 * declared encoding other than UTF-8 refused rather than misread.
 */
export function decodeExport(bytes: Uint8Array): string {
  assertFileSize(bytes.byteLength);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefused("The file is not valid UTF-8 text, so it cannot be a WordPress or Disqus export.");
  }
  const declared = /^\uFEFF?<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    throw new ImportRefused(`The file says it is encoded as ${declared}; Quire imports UTF-8 exports only.`);
  }
  return text;
}

/**
 * Parses XML strictly (sax in strict mode, with namespaces): anything that is
 * not well-formed is refused with its line and column, and so is any DOCTYPE.
 * Entity declarations live in the DOCTYPE, and they are how "billion laughs",
 * quadratic blow-up and external-entity (file:///etc/passwd) attacks work; no
 * WordPress or Disqus export has one, so refusing it outright costs nothing.
 * Only XML's five predefined entities and character references are read; sax
 * never fetches or expands anything else (an undeclared entity is an error).
 */
export function parseXml(text: string): XmlElement {
  const parser = sax.parser(true, { xmlns: true, trim: false, normalize: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let elements = 0;
  const where = () => `line ${parser.line + 1}, column ${parser.column + 1}`;

  const appendText = (chunk: string) => {
    const current = stack.at(-1);
    if (!current) return;
    current.text += chunk;
    // Counted in UTF-16 units, a lower bound of the UTF-8 size for the limit's purpose.
    if (current.text.length > XML_LIMITS.fieldBytes) {
      throw new ImportRefused(
        `The field <${current.name}> that starts on line ${current.line} is larger than ${describeBytes(XML_LIMITS.fieldBytes)}, the most Quire imports in one field.`,
      );
    }
  };

  parser.onerror = (error) => {
    const reason = error.message.split("\n")[0];
    throw new ImportRefused(`The file is not well-formed XML (${reason} at ${where()}). Nothing was imported.`);
  };
  parser.ondoctype = () => {
    throw new ImportRefused(
      `The file has a DOCTYPE declaration (${where()}). Quire refuses those, since entity declarations in a DOCTYPE can expand into gigabytes or read files from the server; WordPress and Disqus exports never have one.`,
    );
  };
  parser.onopentag = (tag) => {
    const qualified = tag as sax.QualifiedTag;
    if (++elements > XML_LIMITS.elements) {
      throw new ImportRefused(
        `The file has more than ${XML_LIMITS.elements.toLocaleString("en-US")} elements, more than Quire imports at once.`,
      );
    }
    if (stack.length >= XML_LIMITS.depth) {
      throw new ImportRefused(`The file nests elements more than ${XML_LIMITS.depth} deep (${where()}); no export does.`);
    }
    const attributes = new Map(Object.entries(qualified.attributes).map(([name, attribute]) => [name, attribute.value]));
    const element: XmlElement = {
      uri: qualified.uri,
      local: qualified.local,
      name: qualified.name,
      attributes,
      children: [],
      text: "",
      line: parser.line + 1,
    };
    stack.at(-1)?.children.push(element);
    if (!root) root = element;
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = appendText;
  parser.oncdata = appendText;

  parser.write(text).close();
  if (!root) throw new ImportRefused("The file has no XML in it.");
  return root;
}

/** Child elements of `parent` named `local` in a namespace `uri` accepts. */
export function childrenOf(parent: XmlElement, local: string, uri: (uri: string) => boolean = () => true): XmlElement[] {
  return parent.children.filter((child) => child.local === local && uri(child.uri));
}

export function childOf(parent: XmlElement, local: string, uri?: (uri: string) => boolean): XmlElement | undefined {
  return childrenOf(parent, local, uri)[0];
}

/** The text of the first such child, or null when there is none. */
export function textOf(parent: XmlElement, local: string, uri?: (uri: string) => boolean): string | null {
  return childOf(parent, local, uri)?.text ?? null;
}
