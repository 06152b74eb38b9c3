/**
 * `npm run --silent sim -- [--script FILE] [--jsonl] [--seed N]` runs the simulated terminal in
 * Node; `npm run --silent sim -- --serve PORT [--seed N]` serves the ECS and ECR JSON protocol on
 * 127.0.0.1:PORT for the real AWS CLI and SDKs (--endpoint-url http://127.0.0.1:PORT).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { execute, type ShellEnvironment } from '../core/cli/shell.ts';
import { createSimulator } from '../core/sim/index.ts';
import { handleJsonRequest } from '../core/sim/wire.ts';
import { readGlossary } from './glossary-files.ts';

const USAGE = `Usage:
  npm run --silent sim -- [--script FILE] [--jsonl] [--seed N]
  npm run --silent sim -- --serve PORT [--seed N] [--clock real|manual]

Runs ECS Academy's simulated terminal. Commands come from FILE (or standard input), one per
line; blank lines and # comments are skipped. Virtual time passes only through "sleep SECONDS"
and "aws ecs wait ...". With --jsonl, prints one JSON object per command:
{"command","exitCode","stdout","stderr"}. With --serve, answers the ECS and ECR JSON protocol on
127.0.0.1:PORT until stopped (any credentials). Virtual time follows the real clock, so real
waiters work; --clock manual keeps it still (for comparing outputs byte for byte in tests).`;

function readFile(path: string): string | undefined {
  const full = resolve(process.cwd(), path);
  try {
    return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function value(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: string[]): number | undefined {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const known = new Set(['--script', '--jsonl', '--seed', '--serve', '--clock']);
  const unknown = args.filter(
    (a, i) => !known.has(a) && !(i > 0 && ['--script', '--seed', '--serve', '--clock'].includes(args[i - 1] as string)),
  );
  const seedText = value(args, '--seed');
  const seed = seedText === undefined ? 1 : Number(seedText);
  if (unknown.length > 0 || !Number.isInteger(seed)) {
    process.stderr.write(
      `${unknown.length > 0 ? `Unknown argument: ${unknown.join(' ')}${unknown[0]?.startsWith('--') ? '' : ' (give a script with --script FILE)'}` : '--seed takes a whole number'}\n\n${USAGE}\n`,
    );
    return 2;
  }
  const sim = createSimulator({ seed });

  const port = value(args, '--serve');
  if (port !== undefined) {
    const portNumber = Number(port);
    if (!Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65535) {
      process.stderr.write(`--serve takes a port number\n\n${USAGE}\n`);
      return 2;
    }
    const manualClock = value(args, '--clock') === 'manual';
    let lastRealTime = Date.now();
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const now = Date.now();
        if (!manualClock) sim.advance((now - lastRealTime) / 1000);
        lastRealTime = now;
        if (req.method !== 'POST') {
          res
            .writeHead(404, { 'content-type': 'text/plain' })
            .end('ECS Academy simulator: POST JSON requests with X-Amz-Target.\n');
          return;
        }
        const target = req.headers['x-amz-target'];
        const response = handleJsonRequest(
          sim,
          Array.isArray(target) ? target[0] : target,
          Buffer.concat(chunks).toString('utf8'),
        );
        res.writeHead(response.status, response.headers).end(response.body);
      });
    });
    server.listen(portNumber, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : portNumber;
      process.stdout.write(
        `ECS Academy simulator listening on http://127.0.0.1:${actual} (account ${sim.state.account}, region ${sim.state.region}, seed ${seed})\n`,
      );
    });
    const stop = () => server.close(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return undefined;
  }

  const jsonl = args.includes('--jsonl');
  const script = value(args, '--script');
  const env: ShellEnvironment = { sim, readFile, glossary: readGlossary() };
  env.reset = () => {
    env.sim = createSimulator({ seed });
  };
  const runLine = (line: string): number | undefined => {
    const command = line.trim();
    if (command === '' || command.startsWith('#')) return undefined;
    const result = execute(command, env);
    if (jsonl)
      process.stdout.write(
        `${JSON.stringify({ command, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr })}\n`,
      );
    else {
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
    }
    return result.exitCode;
  };

  if (script !== undefined) {
    const text = readFile(script);
    if (text === undefined) {
      process.stderr.write(`Cannot read script ${script}\n`);
      return 2;
    }
    let last = 0;
    for (const line of text.split(/\r?\n/)) last = runLine(line) ?? last;
    return last;
  }

  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
  let last = 0;
  if (process.stdin.isTTY) {
    process.stdout.write('ECS Academy simulated terminal. Type help, or exit to leave.\n');
    rl.setPrompt('$ ');
    rl.prompt();
  }
  rl.on('line', (line) => {
    if (process.stdin.isTTY && line.trim() === 'exit') {
      rl.close();
      return;
    }
    last = runLine(line) ?? last;
    if (process.stdin.isTTY) rl.prompt();
  });
  rl.on('close', () => process.exit(last));
  return undefined;
}

const code = main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
