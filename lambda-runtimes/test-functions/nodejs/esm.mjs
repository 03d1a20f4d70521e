// An ES module handler: handler name esm.handler
import { setTimeout as sleep } from 'node:timers/promises';

const loadedAt = new Date().toISOString();

export const handler = async (event, context) => {
  await sleep(5);
  return { esm: true, loadedAt, event, requestId: context.awsRequestId };
};
