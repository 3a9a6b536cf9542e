'use strict';
// DualRec's reference ingest server: tus 1.0 (core, creation, termination) with @tus/server 1.x
// and its file store, plus the project's acknowledgement convention (docs/ingest.md): when an
// upload completes, the server computes the SHA-256 of the stored bytes and answers the
// completing PATCH, and every later HEAD, with `Upload-Sha256: <hex>`.
//
// Usage: scripts/ingest-server [--dir D] [--port N] [--host H] [--cert F --key F]
//                              [--token T] [--log FILE] [--max-size BYTES]
// The first line on stdout is `listening on URL` (the creation URL). Runs until SIGTERM/SIGINT.

const crypto = require('node:crypto');
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const http = require('node:http');
const https = require('node:https');
const os = require('node:os');
const path = require('node:path');
const { Server, EVENTS } = require('@tus/server');
const { FileStore } = require('@tus/file-store');

const usage = 'usage: scripts/ingest-server [--dir D] [--port N] [--host H] [--cert F --key F] [--token T] [--log FILE] [--max-size BYTES]';

function parseArguments(argv) {
    const options = { dir: '', port: 0, host: '127.0.0.1', cert: '', key: '', token: '', log: '', maxSize: 0 };
    const names = { '--dir': 'dir', '--port': 'port', '--host': 'host', '--cert': 'cert', '--key': 'key', '--token': 'token', '--log': 'log', '--max-size': 'maxSize' };
    for (let i = 0; i < argv.length; ++i) {
        let arg = argv[i];
        let value;
        const eq = arg.indexOf('=');
        if (eq > 0) {
            value = arg.slice(eq + 1);
            arg = arg.slice(0, eq);
        }
        if (arg === '--help' || arg === '-h') {
            process.stdout.write(usage + '\n');
            process.exit(0);
        }
        const key = names[arg];
        if (!key)
            fail(`unknown argument "${arg}"`);
        if (value === undefined) {
            if (i + 1 >= argv.length)
                fail(`${arg} needs a value`);
            value = argv[++i];
        }
        options[key] = value;
    }
    for (const key of ['port', 'maxSize']) {
        const text = String(options[key]);
        if (!/^[0-9]+$/.test(text))
            fail(`--${key === 'port' ? 'port' : 'max-size'}: expected a whole number, got "${text}"`);
        options[key] = Number(text);
    }
    if (options.port > 65535)
        fail(`--port: expected 0 (any free port) to 65535, got ${options.port}`);
    if (Boolean(options.cert) !== Boolean(options.key))
        fail('--cert and --key go together (TLS needs both)');
    return options;
}

function fail(message) {
    process.stderr.write(`ingest-server: ${message}\n${usage}\n`);
    process.exit(2);
}

const options = parseArguments(process.argv.slice(2));
const directory = path.resolve(options.dir || fs.mkdtempSync(path.join(os.tmpdir(), 'dualrec-ingest-')));
fs.mkdirSync(directory, { recursive: true });

const logStream = options.log ? fs.createWriteStream(options.log, { flags: 'a' }) : null;
function logEvent(event) {
    if (logStream)
        logStream.write(JSON.stringify({ time: new Date().toISOString(), pid: process.pid, ...event }) + '\n');
}

const idPattern = /^[0-9a-f]{32}$/;
function idFromUrl(url) {
    const last = (url || '').split('?')[0].split('/').filter(Boolean).pop() || '';
    return idPattern.test(last) ? last : '';
}

function sha256Path(id) {
    return path.join(directory, `${id}.sha256`);
}

async function fileSha256(file) {
    const hash = crypto.createHash('sha256');
    await new Promise((resolve, reject) => {
        fs.createReadStream(file).on('data', (chunk) => hash.update(chunk)).on('end', resolve).on('error', reject);
    });
    return hash.digest('hex');
}

// Computes (once) and stores the SHA-256 of a complete upload; '' while the upload is incomplete.
async function completedSha256(id) {
    try {
        return (await fsp.readFile(sha256Path(id), 'utf8')).trim();
    } catch {
        // Not computed yet (or the server died between the last byte and the hash): check.
    }
    let info;
    try {
        info = JSON.parse(await fsp.readFile(path.join(directory, `${id}.json`), 'utf8'));
    } catch {
        return '';
    }
    const stat = await fsp.stat(path.join(directory, id)).catch(() => null);
    if (!stat || typeof info.size !== 'number' || stat.size !== info.size)
        return '';
    const hex = await fileSha256(path.join(directory, id));
    const temporary = `${sha256Path(id)}.${process.pid}.tmp`;
    await fsp.writeFile(temporary, hex + '\n');
    await fsp.rename(temporary, sha256Path(id));
    logEvent({ event: 'sha256', id, size: info.size, sha256: hex });
    return hex;
}

const datastore = new FileStore({ directory });
const tls = Boolean(options.cert);
const tusServer = new Server({
    path: '/files',
    datastore,
    maxSize: options.maxSize > 0 ? options.maxSize : undefined,
    respectForwardedHeaders: false,
    // @tus/server takes the scheme from the request, which says http behind node's https server.
    generateUrl: (req, { host, path: base, id }) => `${tls ? 'https' : 'http'}://${host}${base}/${id}`,
    onUploadFinish: async (req, res, upload) => {
        const hex = await completedSha256(upload.id);
        return { res, headers: { 'Upload-Sha256': hex } };
    },
});
tusServer.on(EVENTS.POST_CREATE, (req, res, upload) => logEvent({ event: 'create', id: upload.id, size: upload.size, metadata: upload.metadata }));
tusServer.on(EVENTS.POST_TERMINATE, (req, res, id) => logEvent({ event: 'terminate', id }));

async function handle(req, res) {
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
        res.writeHead(401, { 'Tus-Resumable': '1.0.0', 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer' });
        res.end('a valid bearer token is required\n');
        logEvent({ event: 'unauthorized', method: req.method, url: req.url });
        return;
    }
    const id = idFromUrl(req.url);
    if (req.method === 'HEAD' && id) {
        try {
            const hex = await completedSha256(id);
            if (hex)
                res.setHeader('Upload-Sha256', hex);
        } catch (error) {
            process.stderr.write(`ingest-server: cannot hash upload ${id}: ${error.message}\n`);
        }
    }
    if (req.method === 'PATCH' && id) {
        const start = Number.parseInt(req.headers['upload-offset'] || '-1', 10);
        const length = Number.parseInt(req.headers['content-length'] || '-1', 10);
        // One line per PATCH: the offset it started at and the stored offset when it ended, so a
        // test can tell from the server's side how many bytes arrived (and whether any twice).
        res.on('close', () => {
            datastore.getUpload(id).then((upload) => upload.offset, () => null).then((end) => {
                logEvent({ event: 'patch', id, start, contentLength: length, status: res.statusCode, end, answered: res.writableFinished });
            });
        });
    }
    tusServer.handle(req, res);
}

const listener = (req, res) => {
    handle(req, res).catch((error) => {
        process.stderr.write(`ingest-server: ${error.stack || error}\n`);
        if (!res.headersSent)
            res.writeHead(500);
        res.end();
    });
};
const server = tls ? https.createServer({ cert: fs.readFileSync(options.cert), key: fs.readFileSync(options.key) }, listener)
                   : http.createServer(listener);
server.on('error', (error) => {
    process.stderr.write(`ingest-server: ${error.message}\n`);
    process.exit(1);
});
server.listen(options.port, options.host, () => {
    const { port } = server.address();
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    process.stdout.write(`listening on ${tls ? 'https' : 'http'}://${host}:${port}/files\n`);
    process.stdout.write(`storing uploads in ${directory}\n`);
    logEvent({ event: 'listening', port, directory });
});

function stop() {
    server.close();
    if (logStream)
        logStream.end();
    setTimeout(() => process.exit(0), 200).unref();
    server.closeAllConnections?.();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
