package dev.hangar.lambda.invoke;

import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.state.Ids;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answer to GET /runtime/invocation/next: the event as the body, the invocation's context as headers. */
final class NextInvocationResponse {

    private NextInvocationResponse() {
    }

    static AwsHttpResponse of(Invocation inv) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Lambda-Runtime-Aws-Request-Id", inv.requestId());
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(inv.deadlineEpochMs));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", invokedArn(inv.function));
        headers.put("Lambda-Runtime-Trace-Id", traceId());
        String clientContext = clientContext(inv.request.clientContext());
        if (clientContext != null) {
            headers.put("Lambda-Runtime-Client-Context", clientContext);
        }
        // AWS hands an Invoke without payload to the runtime as {}
        byte[] payload = inv.request.payload() == null || inv.request.payload().length == 0
                ? "{}".getBytes(StandardCharsets.UTF_8) : inv.request.payload();
        return new AwsHttpResponse(200, headers, payload);
    }

    /** A caller of $LATEST usually names the function without a qualifier, and that is the ARN it sees. */
    static String invokedArn(RunnableFunction fn) {
        return "$LATEST".equals(fn.version()) ? fn.functionArn() : fn.qualifiedArn();
    }

    /** X-Ray's format: Root=1-&lt;epoch seconds hex&gt;-&lt;24 hex&gt;;Parent=&lt;16 hex&gt;;Sampled=0. */
    static String traceId() {
        // not String.format: its Formatter is most of the cost of an invocation's headers
        String seconds = Long.toHexString(System.currentTimeMillis() / 1000);
        return "Root=1-" + "00000000".substring(Math.min(8, seconds.length())) + seconds + "-" + Ids.hex(24)
                + ";Parent=" + Ids.hex(16) + ";Sampled=0";
    }

    /** Callers send the client context base64-encoded; runtimes receive the JSON itself. */
    static String clientContext(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            String json = new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
            // raw line breaks in JSON are only whitespace, and a header cannot carry them
            return json.isBlank() ? null : json.replace('\r', ' ').replace('\n', ' ');
        } catch (IllegalArgumentException e) {
            return base64;
        }
    }
}
