/*
 * Hangar's Lambda runtime client for Node.js (>= 18, built-in modules only).
 *
 * Runs one Lambda execution environment: loads the handler named by _HANDLER (or argv[2]) from LAMBDA_TASK_ROOT,
 * then loops on the Runtime API at AWS_LAMBDA_RUNTIME_API: GET next invocation, call the handler (async, promise or
 * callback style), POST its response or error. Error payloads, log lines and the context object follow AWS's Node.js
 * runtime so functions and their logs look the same as on AWS. Works from any path: `node /anywhere/bootstrap.js`.
 * See lambda-runtimes/README.md.
 */
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const util = require('util');
const { pathToFileURL } = require('url');

const API_PREFIX = '/2018-06-01/runtime';
const INIT_ERROR_EXIT_CODE = 129; // AWS's Node runtime exits with 129 after an init or uncaught error

// --- errors ----------------------------------------------------------------------------------------------------------

function runtimeError(name, message, cause) {
  const e = new Error(message);
  // on the prototype chain in AWS's runtime: not an own enumerable property, so not in the logged JSON
  Object.defineProperty(e, 'name', { value: name, enumerable: false, writable: true, configurable: true });
  if (cause && cause.stack) {
    // like AWS: the runtime error's own first line, then the original stack's frames
    const frames = String(cause.stack).split('\n').filter((l) => /^\s+at /.test(l));
    e.stack = [`${name}: ${message}`, ...frames].join('\n');
  } else {
    e.stack = `${name}: ${message}`;
  }
  return e;
}

function isError(e) {
  return util.types.isNativeError(e) || (e && typeof e === 'object' && typeof e.message === 'string' && typeof e.stack === 'string');
}

/** The error as posted to the Runtime API: {errorType, errorMessage, trace}. */
function toRapidResponse(error) {
  try {
    if (isError(error)) {
      return {
        errorType: error.name,
        errorMessage: error.message,
        trace: typeof error.stack === 'string' ? error.stack.split('\n') : [],
      };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch (_) {
    return {
      errorType: 'handled',
      errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    };
  }
}

/** The error as logged: a tab, then JSON with errorType, errorMessage, stack and the error's own properties. */
function toFormatted(error) {
  try {
    return '\t' + JSON.stringify(error, (_k, v) => {
      if (isError(v)) {
        return Object.assign({
          errorType: v.name,
          errorMessage: v.message,
          stack: typeof v.stack === 'string' ? v.stack.split('\n') : [],
        }, v);
      }
      return v;
    });
  } catch (_) {
    return '\t' + String(error);
  }
}

// --- logging ---------------------------------------------------------------------------------------------------------

let currentRequestId; // printed as "undefined" outside invocations, as AWS does

function patchConsole() {
  const write = (level, args) => {
    let line = `${new Date().toISOString()}\t${currentRequestId}\t${level}\t${util.format(...args)}`;
    line = line.replace(/\n/g, '\r'); // one log event per call; Hangar turns \r back into \n
    process.stdout.write(line + '\n');
  };
  console.log = (...a) => write('INFO', a);
  console.info = (...a) => write('INFO', a);
  console.debug = (...a) => write('DEBUG', a);
  console.warn = (...a) => write('WARN', a);
  console.error = (...a) => write('ERROR', a);
  console.trace = (...a) => write('TRACE', a);
  console.fatal = (...a) => write('FATAL', a);
}

// --- Runtime API client ----------------------------------------------------------------------------------------------

class RuntimeApiClient {
  constructor(address) {
    const i = address.lastIndexOf(':');
    this.hostname = address.slice(0, i).replace(/^\[(.*)\]$/, '$1');
    this.port = Number(address.slice(i + 1));
    // one keep-alive connection; `next` long-polls, so no timeout anywhere
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  request(method, urlPath, body, headers, retried) {
    return new Promise((resolve, reject) => {
      const req = http.request({
        hostname: this.hostname, port: this.port, path: API_PREFIX + urlPath, method, agent: this.agent,
        headers: Object.assign(body !== undefined ? { 'Content-Length': Buffer.byteLength(body) } : {}, headers),
      }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', (e) => {
        // a kept-alive connection the server had closed: retry once on a new one
        if (!retried && (e.code === 'ECONNRESET' || e.code === 'EPIPE') && req.reusedSocket) {
          this.request(method, urlPath, body, headers, true).then(resolve, reject);
        } else {
          reject(e);
        }
      });
      req.end(body);
    });
  }

  async next() {
    const res = await this.request('GET', '/invocation/next');
    if (res.status !== 200) {
      throw new Error(`GET next returned ${res.status}: ${res.body.toString('utf8').slice(0, 200)}`);
    }
    return res;
  }

  async post(urlPath, body, headers) {
    const res = await this.request('POST', urlPath, body, headers);
    if (res.status >= 300) {
      // e.g. 413 for an oversized response: the Runtime API reports that failure to the caller itself
      process.stderr.write(`[hangar-runtime] POST ${urlPath} returned ${res.status}: ${res.body.toString('utf8').slice(0, 500)}\n`);
    }
  }

  postResponse(id, body) {
    return this.post(`/invocation/${id}/response`, body, { 'Content-Type': 'application/json' });
  }

  postError(id, error) {
    const r = toRapidResponse(error);
    return this.post(`/invocation/${id}/error`, JSON.stringify(r),
      { 'Content-Type': 'application/json', 'Lambda-Runtime-Function-Error-Type': r.errorType });
  }

  postInitError(error) {
    const r = toRapidResponse(error);
    return this.post('/init/error', JSON.stringify(r),
      { 'Content-Type': 'application/json', 'Lambda-Runtime-Function-Error-Type': r.errorType });
  }
}

// --- loading the handler ---------------------------------------------------------------------------------------------

function hasPackageJsonTypeModule(file) {
  let dir = path.dirname(file);
  for (;;) {
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj)) {
      try {
        return JSON.parse(fs.readFileSync(pj, 'utf8')).type === 'module';
      } catch (_) {
        return false;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

async function importFile(file) {
  return import(pathToFileURL(file).href);
}

async function loadModule(taskRoot, moduleRoot, moduleName) {
  const base = path.resolve(taskRoot, moduleRoot, moduleName);
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return require(base);
  const esm = hasPackageJsonTypeModule(base);
  if (fs.existsSync(base + '.js')) return esm ? importFile(base + '.js') : require(base + '.js');
  if (fs.existsSync(base + '.mjs')) return importFile(base + '.mjs');
  if (fs.existsSync(base + '.cjs')) return require(base + '.cjs');
  // not a file of the function: a package (node_modules) or a folder, resolved from the task root
  return require(require.resolve(moduleName, { paths: [path.resolve(taskRoot, moduleRoot), taskRoot] }));
}

async function loadHandler(taskRoot, fullHandler) {
  const handlerString = path.basename(fullHandler);
  const moduleRoot = fullHandler.substring(0, fullHandler.length - handlerString.length);
  const match = /^([^.]*)\.(.*)$/.exec(handlerString);
  if (!match) throw runtimeError('Runtime.MalformedHandlerName', 'Bad handler');
  const [, moduleName, handlerPath] = match;

  let mod;
  try {
    mod = await loadModule(taskRoot, moduleRoot, moduleName);
  } catch (e) {
    if (e instanceof SyntaxError) throw runtimeError('Runtime.UserCodeSyntaxError', String(e), e);
    if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND')) {
      throw runtimeError('Runtime.ImportModuleError', String(e), e);
    }
    throw e;
  }
  let fn = handlerPath.split('.').reduce((o, k) => (o == null ? undefined : o[k]), mod);
  // a CommonJS module imported as ESM (or vice versa) puts its exports under `default`
  if (fn === undefined && mod && mod.default) {
    fn = handlerPath.split('.').reduce((o, k) => (o == null ? undefined : o[k]), mod.default);
  }
  if (fn === undefined || fn === null) {
    throw runtimeError('Runtime.HandlerNotFound', `${fullHandler} is undefined or not exported`);
  }
  if (typeof fn !== 'function') {
    throw runtimeError('Runtime.HandlerNotFound', `${fullHandler} is not a function`);
  }
  return fn;
}

// --- invocations -----------------------------------------------------------------------------------------------------

function parseJsonHeader(value) {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch (_) {
    return undefined;
  }
}

function serialize(result) {
  try {
    return JSON.stringify(result === undefined ? null : result);
  } catch (e) {
    throw new Error('Unable to stringify response body');
  }
}

async function main() {
  patchConsole();
  const address = process.env.AWS_LAMBDA_RUNTIME_API;
  if (!address) {
    process.stderr.write('[hangar-runtime] AWS_LAMBDA_RUNTIME_API is not set\n');
    process.exit(2);
  }
  if (process.argv[2]) process.env._HANDLER = process.argv[2];
  const fullHandler = process.env._HANDLER || '';
  const taskRoot = process.env.LAMBDA_TASK_ROOT || (process.env.LAMBDA_TASK_ROOT = '/var/task');
  try {
    process.chdir(taskRoot);
  } catch (_) { /* no task root: the handler will not load either */ }

  const client = new RuntimeApiClient(address);
  let invocation = null; // {id, complete} while one runs
  let beforeExitListener = null;

  const fatal = (label, error) => {
    console.error(label, toFormatted(error));
    const post = invocation ? client.postError(invocation.id, error) : client.postInitError(error);
    invocation = null;
    post.catch(() => {}).finally(() => process.exit(INIT_ERROR_EXIT_CODE));
  };
  process.on('uncaughtException', (error) => fatal('Uncaught Exception', error));
  process.on('unhandledRejection', (reason) => {
    const error = runtimeError('Runtime.UnhandledPromiseRejection', String(reason), isError(reason) ? reason : undefined);
    fatal('Unhandled Promise Rejection', error);
  });
  // callback handlers (callbackWaitsForEmptyEventLoop) and handlers that never answer complete when the loop drains
  process.on('beforeExit', () => {
    const listener = beforeExitListener;
    beforeExitListener = null;
    if (listener) listener();
  });

  let handler;
  try {
    handler = await loadHandler(taskRoot, fullHandler);
  } catch (error) {
    fatal('Uncaught Exception', error);
    return;
  }

  const scheduleNext = () => setImmediate(() => {
    client.next().then(invoke, (e) => {
      process.stderr.write(`[hangar-runtime] ${e && e.stack ? e.stack : e}\n`);
      process.exit(1);
    });
  });

  const invoke = (res) => {
    const h = res.headers;
    const id = h['lambda-runtime-aws-request-id'];
    const deadline = Number(h['lambda-runtime-deadline-ms'] || 0);
    currentRequestId = id;
    if (h['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = h['lambda-runtime-trace-id'];
    else delete process.env._X_AMZN_TRACE_ID;

    let finished = false;
    const complete = (error, result) => {
      if (finished) return;
      finished = true;
      beforeExitListener = null;
      let post;
      if (error !== null && error !== undefined) {
        console.error('Invoke Error', toFormatted(error));
        post = client.postError(id, error);
      } else {
        let body;
        try {
          body = serialize(result);
        } catch (e) {
          console.error('Invoke Error', toFormatted(e));
          post = client.postError(id, e);
        }
        if (!post) post = client.postResponse(id, body);
      }
      invocation = null;
      post.then(scheduleNext, (e) => {
        process.stderr.write(`[hangar-runtime] ${e && e.stack ? e.stack : e}\n`);
        process.exit(1);
      });
    };
    invocation = { id };

    let waitsForEmptyEventLoop = true;
    const context = {
      get callbackWaitsForEmptyEventLoop() { return waitsForEmptyEventLoop; },
      set callbackWaitsForEmptyEventLoop(v) { waitsForEmptyEventLoop = v; },
      succeed: (result) => complete(null, result),
      fail: (error) => complete(error === undefined || error === null ? 'handled' : error),
      done: (error, result) => complete(error, result),
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      clientContext: parseJsonHeader(h['lambda-runtime-client-context']),
      identity: parseJsonHeader(h['lambda-runtime-cognito-identity']),
      invokedFunctionArn: h['lambda-runtime-invoked-function-arn'],
      awsRequestId: id,
      getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
    };
    const callback = (error, result) => {
      if (waitsForEmptyEventLoop) beforeExitListener = () => complete(error, result);
      else complete(error, result);
    };
    // a handler that neither returns a promise nor calls back answers null once the event loop drains, as on AWS
    beforeExitListener = () => complete(null, null);

    let event;
    try {
      const type = String(h['content-type'] || 'application/json');
      const text = res.body.toString('utf8');
      event = type.startsWith('application/json') ? (text.trim() ? JSON.parse(text) : {}) : res.body;
      const result = handler(event, context, callback);
      if (result && typeof result.then === 'function') {
        result.then((r) => complete(null, r), (e) => complete(e === undefined || e === null ? 'handled' : e));
      }
    } catch (error) {
      complete(error);
    }
  };

  scheduleNext();
}

main();
