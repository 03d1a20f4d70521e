package dev.hangar.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells "the engine said no" from "no engine answered", and turns docker-java's messages into the engine's words. */
final class EngineErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS_PREFIX = Pattern.compile("^Status \\d+: (.*)$", Pattern.DOTALL);

    private EngineErrors() {
    }

    /** docker-java wraps a failed connect or a broken socket as a RuntimeException around an IOException. */
    static boolean isUnreachable(Throwable failure) {
        if (failure instanceof DockerException) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * A write on a pooled connection whose engine went away since (it restarted): the request was not delivered, so
     * it is safe to send again on a new connection. Only the write side counts ("Broken pipe"): a reset may come
     * after the engine acted on the request.
     */
    static boolean isStaleConnection(Throwable failure) {
        if (failure instanceof DockerException) {
            return false;
        }
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, which names the real reason (connection refused, no such file...). */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** "Status 404: {"message":"No such container: x"}" becomes "No such container: x". */
    static String engineMessage(DockerException e) {
        String raw = e.getMessage() == null ? "" : e.getMessage().trim();
        Matcher m = STATUS_PREFIX.matcher(raw);
        String body = m.matches() ? m.group(1).trim() : raw;
        if (body.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(body);
                if (node.hasNonNull("message")) {
                    return node.get("message").asText();
                }
            } catch (IOException ignored) {
                // not JSON after all: the raw text is the best we have
            }
        }
        return body.isEmpty() ? "HTTP " + e.getHttpStatus() : body;
    }
}
