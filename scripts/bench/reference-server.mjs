// The reference: a bare node:http server answering every request with the
// bytes Quire sent for the page under test (status, headers, body), so the
// bench can say how close Quire comes to what node:http alone can do here.
// Plain JavaScript run by plain `node`, so no loader sits in its way.
// Usage: node reference-server.mjs <response.json> <body file> <port>
import fs from "node:fs";
import http from "node:http";

const [responseFile, bodyFile, port] = process.argv.slice(2);
const { status, headers } = JSON.parse(fs.readFileSync(responseFile, "utf8"));
const body = fs.readFileSync(bodyFile);
const flatHeaders = headers.flat();

http
  .createServer((request, response) => {
    response.writeHead(status, flatHeaders);
    response.end(request.method === "HEAD" ? undefined : body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log("ready"));
