package dev.hangar.lambda.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The error payloads Lambda itself writes (not the function's runtime), in AWS's current wording. */
final class ErrorPayloads {

    /** 6 MiB plus 100 bytes of slack, as the Runtime API enforces it. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SIGNALS = {null, "hangup", "interrupt", "quit", "illegal instruction",
            "trace/breakpoint trap", "aborted", "bus error", "floating point exception", "killed",
            "user defined signal 1", "segmentation fault", "user defined signal 2", "broken pipe", "alarm clock",
            "terminated"};

    private ErrorPayloads() {
    }

    static byte[] timeout(String requestId, int timeoutSeconds) {
        return json("errorType", "Sandbox.Timedout",
                "errorMessage", "RequestId: " + requestId + " Error: Task timed out after "
                        + seconds(timeoutSeconds) + " seconds");
    }

    /** The runtime process ended while an invocation waited for it. */
    static byte[] exited(String requestId, Integer exitCode, boolean outOfMemory) {
        return json("errorType", outOfMemory ? "Runtime.OutOfMemory" : "Runtime.ExitError",
                "errorMessage", "RequestId: " + requestId + " Error: " + exitReason(exitCode));
    }

    static byte[] responseTooLarge() {
        return json("errorMessage", "Response payload size exceeded maximum allowed payload size ("
                + MAX_RESPONSE_BYTES + " bytes).", "errorType", "Function.ResponseSizeTooLarge");
    }

    /** An error the runtime posted without a body: AWS builds one from the error type header. */
    static byte[] fromErrorType(String errorType) {
        return json("errorMessage", "Unknown application error occurred",
                "errorType", errorType == null || errorType.isBlank() ? "Unhandled" : errorType);
    }

    /** As Go's os/exec describes a process's end, which is what AWS's message quotes. */
    static String exitReason(Integer exitCode) {
        if (exitCode == null) {
            return "Runtime exited with error: signal: killed";
        }
        if (exitCode == 0) {
            return "Runtime exited without providing a reason";
        }
        // the container's init (tini) reports a child killed by signal N as exit 128 + N
        if (exitCode > 128 && exitCode - 128 < SIGNALS.length) {
            return "Runtime exited with error: signal: " + SIGNALS[exitCode - 128];
        }
        return "Runtime exited with error: exit status " + exitCode;
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static byte[] json(String... keysAndValues) {
        Map<String, String> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
