'use strict';
// A small fault-injecting HTTP proxy for the sync tests (a test helper, not shipped): forwards
// every request to TARGET (the reference ingest server) and injects one fault into the first
// TIMES requests of METHOD (default PATCH) before behaving:
//   status:N  answer N without forwarding (5xx, 401, 413, ...)
//   stall:B   forward, but after B request body bytes stop reading: the connection hangs
//   drop:B    forward, and after B request body bytes destroy the client connection
// Usage: node faultproxy.js TARGET_ORIGIN FAULT TIMES [METHOD]
// Prints `listening on http://127.0.0.1:PORT` first; one JSON line per request on stderr.
const http = require('node:http');

const [target, fault, timesText, method = 'PATCH'] = process.argv.slice(2);
const [kind, argument] = fault.split(':');
let remaining = Number(timesText);
const upstream = new URL(target);

const server = http.createServer((req, res) => {
    const inject = req.method === method && remaining > 0;
    if (inject)
        remaining -= 1;
    process.stderr.write(JSON.stringify({ method: req.method, url: req.url, inject: inject ? fault : '' }) + '\n');
    if (inject && kind === 'status') {
        req.resume();
        req.on('end', () => {
            res.writeHead(Number(argument), { 'Tus-Resumable': '1.0.0', 'Content-Type': 'text/plain' });
            res.end(`injected ${argument}\n`);
        });
        return;
    }
    const forward = http.request({
        host: upstream.hostname, port: upstream.port, method: req.method, path: req.url,
        headers: { ...req.headers, host: upstream.host },
    }, (answer) => {
        const headers = { ...answer.headers };
        // Locations point at the proxy, so that every later request passes here too.
        if (headers.location)
            headers.location = headers.location.replace(upstream.origin, `http://127.0.0.1:${server.address().port}`);
        res.writeHead(answer.statusCode, headers);
        answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    if (!inject) {
        req.pipe(forward);
        return;
    }
    const limit = Number(argument);
    let seen = 0;
    req.on('data', (chunk) => {
        if (seen >= limit)
            return;
        const take = chunk.subarray(0, Math.max(0, limit - seen));
        seen += chunk.length;
        forward.write(take);
        if (seen >= limit) {
            if (kind === 'drop') {
                forward.destroy();
                req.socket.destroy();
            } else {
                // Stall: the client's bytes are no longer read and no answer ever comes.
                req.pause();
                forward.removeAllListeners('error');
                forward.on('error', () => {});
                forward.destroy();
            }
        }
    });
    req.on('end', () => forward.end());
});
server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
