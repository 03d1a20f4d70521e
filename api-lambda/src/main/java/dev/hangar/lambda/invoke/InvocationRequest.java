package dev.hangar.lambda.invoke;

/**
 * One call to a function.
 *
 * @param requestId     AWS request id the runtime sees as Lambda-Runtime-Aws-Request-Id
 * @param payload       the event bytes exactly as the caller sent them
 * @param clientContext base64 X-Amz-Client-Context, or null
 * @param tailLogs      LogType=Tail: return the last 4 KB of this invocation's log
 */
public record InvocationRequest(String requestId, byte[] payload, String clientContext, boolean tailLogs) {
}
