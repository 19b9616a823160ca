// A GET through node:http, not fetch: fetch asks for compression and decodes
// it, while the bench needs the exact bytes and headers a plain client (wrk,
// which sends no Accept-Encoding) is sent.
import http from "node:http";

export type RawResponse = {
  status: number;
  /** Header names as sent, in order. */
  headers: Array<[string, string]>;
  body: Buffer;
};

export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const pairs: Array<[string, string]> = [];
        for (let i = 0; i + 1 < response.rawHeaders.length; i += 2)
          pairs.push([response.rawHeaders[i]!, response.rawHeaders[i + 1]!]);
        resolve({ status: response.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

export function headerValue(response: RawResponse, name: string): string | undefined {
  return response.headers.find(([key]) => key.toLowerCase() === name)?.[1];
}
