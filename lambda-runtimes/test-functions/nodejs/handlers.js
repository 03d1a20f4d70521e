// Node.js test handlers for Hangar's Lambda tests. Handler names: handlers.<export> (CommonJS).
'use strict';

const INIT_PID = process.pid;
let invocations = 0;

const ENV_KEYS = [
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_LAMBDA_RUNTIME_API', 'AWS_REGION',
  'AWS_DEFAULT_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_INITIALIZATION_TYPE', 'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR', '_HANDLER', '_X_AMZN_TRACE_ID', 'TZ', 'AWS_ACCESS_KEY_ID',
];

function describe(event, context) {
  invocations += 1;
  const env = {};
  for (const k of ENV_KEYS) env[k] = process.env[k] === undefined ? null : process.env[k];
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith('HANGAR_TEST_') || k.startsWith('USER_')) env[k] = v;
  return {
    event,
    env,
    context: {
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      invokedFunctionArn: context.invokedFunctionArn,
      memoryLimitInMB: context.memoryLimitInMB,
      awsRequestId: context.awsRequestId,
      logGroupName: context.logGroupName,
      logStreamName: context.logStreamName,
      remainingTimeInMillis: context.getRemainingTimeInMillis(),
      callbackWaitsForEmptyEventLoop: context.callbackWaitsForEmptyEventLoop,
      clientContext: context.clientContext === undefined ? null : context.clientContext,
      identity: context.identity === undefined ? null : context.identity,
    },
    pid: process.pid,
    initPid: INIT_PID,
    invocations,
    node: process.version,
    cwd: process.cwd(),
  };
}

// async: the returned promise's value is the response
exports.echo = async (event, context) => describe(event, context);

exports.fail = async () => {
  throw new Error('Handler fails');
};

class CustomError extends Error {
  constructor(message) {
    super(message);
    this.name = 'CustomError';
  }
}
exports.failCustom = async (event) => {
  throw new CustomError((event && event.message) || 'some error occurred');
};

exports.throwString = async () => {
  throw 'a plain string'; // eslint-disable-line no-throw-literal
};

// callback style: the runtime answers once the event loop is empty (callbackWaitsForEmptyEventLoop = true)
exports.callbackEcho = (event, context, callback) => {
  setTimeout(() => callback(null, describe(event, context)), 10);
};

exports.callbackError = (event, context, callback) => {
  callback(new Error('callback error'));
};

// callback then a pending timer: with the default the response waits for the timer (event.delayMs, default 500)
exports.callbackWaits = (event, context, callback) => {
  const started = Date.now();
  setTimeout(() => console.log('timer fired after', Date.now() - started, 'ms'), (event && event.delayMs) || 500);
  callback(null, { answeredAfterMs: Date.now() - started });
};

// same, but callbackWaitsForEmptyEventLoop = false: the response goes at once, the timer stays pending
exports.callbackNoWait = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  setTimeout(() => console.log('late timer fired'), (event && event.delayMs) || 500);
  callback(null, { waited: false });
};

// neither async nor calling back: AWS answers null once the event loop drains
exports.syncReturn = () => 'ignored';

exports.sleep = async (event) => {
  const seconds = Number((event && event.seconds) || 5);
  console.log(`sleeping ${seconds} s`);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return { slept: seconds };
};

exports.crash = async (event) => {
  console.log('about to crash');
  process.exit((event && event.code) || 1);
};

exports.logs = async (event, context) => {
  console.log('log line 1');
  console.info('log line 2 for', context.awsRequestId);
  console.warn('a warning');
  console.error('an error line');
  console.log('multi\nline');
  process.stdout.write('raw stdout line\n');
  process.stderr.write('raw stderr line\n');
  for (let i = 0; i < ((event && event.lines) || 0); i += 1) console.log(`line ${i}`);
  return 'logged';
};

exports.uncaught = (event, context, callback) => {
  setTimeout(() => {
    throw new Error('thrown from a timer');
  }, 10);
};

exports.big = async (event) => 'x'.repeat((event && event.size) || 7 * 1024 * 1024);

exports.nested = { handler: async () => 'nested handler' };

exports.notAFunction = 42;

// a rejected promise nobody handles: Runtime.UnhandledPromiseRejection, then the process exits
exports.rejection = async () => {
  Promise.reject(new Error('rejected on purpose'));
  await new Promise((r) => setTimeout(r, 100));
  return 'unreachable';
};
