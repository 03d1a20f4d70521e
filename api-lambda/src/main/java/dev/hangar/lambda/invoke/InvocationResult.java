package dev.hangar.lambda.invoke;

/**
 * What a synchronous invocation answers.
 *
 * @param payload         the function's response bytes, or AWS's error payload
 * @param functionError   null on success, "Unhandled" for handler errors, timeouts, crashes, oversize responses
 * @param logTailBase64   with tailLogs: base64 of the last 4 KB of the invocation's log lines, else null
 * @param executedVersion "$LATEST" or the version number
 */
public record InvocationResult(byte[] payload, String functionError, String logTailBase64, String executedVersion) {
}
