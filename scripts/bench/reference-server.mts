// The reference: bare node:http answering every request with the same bytes
// (status, content type and body) that Quire served for the page under test.
import fs from "node:fs";
import http from "node:http";

const [bodyFile, portArg] = process.argv.slice(2);
const body = fs.readFileSync(bodyFile!);
const server = http.createServer((_request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
  response.end(body);
});
server.listen(Number(portArg), "127.0.0.1", () => console.log("ready"));
