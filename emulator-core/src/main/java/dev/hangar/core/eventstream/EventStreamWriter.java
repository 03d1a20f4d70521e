package dev.hangar.core.eventstream;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.http.StreamWriter;
import dev.hangar.core.service.AwsException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Writes an AWS event stream onto a streamed response: events, then an end, or a modelled exception or an error,
 * which end the stream as AWS does. Any thread may write; each event's future carries back-pressure as
 * {@link StreamWriter#write} does. A typed handler gets one from its {@link EventStreamReply}'s producer; a
 * data-plane handler makes one over its own {@link StreamWriter} (with {@link EventStreamMessages#CONTENT_TYPE}).
 */
public final class EventStreamWriter {

    private final StreamWriter out;
    private final Function<Throwable, AwsHttpResponse> errors;

    /** Exceptions are written as {@code {"message": ...}} under their code. */
    public EventStreamWriter(StreamWriter out) {
        this(out, null);
    }

    /**
     * @param errors how the service writes an error (its codec's writeError): the payload of an exception message is
     *               that body, its type that answer's {@code X-Amzn-ErrorType}
     */
    public EventStreamWriter(StreamWriter out, Function<Throwable, AwsHttpResponse> errors) {
        this.out = out;
        this.errors = errors;
    }

    /** An event of the SDK's model ({@code InvokeWithResponseStreamResponseEvent.payloadChunkBuilder()...build()}). */
    public CompletableFuture<Void> event(SdkPojo event) {
        return event(EventPayloads.eventType(event), event);
    }

    /** An event whose type is named here (a model class that is not the union's generated event subclass). */
    public CompletableFuture<Void> event(String eventType, SdkPojo event) {
        EventPayloads.Encoded encoded = EventPayloads.encode(event);
        return out.write(EventStreamMessages.event(eventType, encoded.contentType(), encoded.payload(),
                encoded.headers()));
    }

    /** An event as raw bytes. */
    public CompletableFuture<Void> event(String eventType, String contentType, byte[] payload) {
        return out.write(EventStreamMessages.event(eventType, contentType, payload, Map.of()));
    }

    /**
     * A modelled exception (the SDK's, or an AwsException), which ends the stream: the client's handler fails with
     * it.
     */
    public void exception(Throwable error) {
        String type;
        byte[] payload;
        String contentType = "application/json";
        if (errors != null) {
            AwsHttpResponse rendered = errors.apply(error);
            String code = rendered.headers().get("X-Amzn-ErrorType");
            type = code == null ? codeOf(error) : code.split(":", 2)[0];
            payload = rendered.body();
            contentType = rendered.headers().getOrDefault("Content-Type", contentType);
        } else {
            type = codeOf(error);
            payload = ("{\"message\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(
                    String.valueOf(messageOf(error)))) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        exception(type, contentType, payload);
    }

    /** A modelled exception as raw bytes, which ends the stream. */
    public void exception(String exceptionType, String contentType, byte[] payload) {
        out.end(EventStreamMessages.exception(exceptionType, contentType, payload));
    }

    /** An error outside the model ({@code :error-code}, {@code :error-message}), which ends the stream. */
    public void error(String code, String message) {
        out.end(EventStreamMessages.error(code, message));
    }

    public void end() {
        out.end();
    }

    /** Cuts the stream off without a closing message: see {@link StreamWriter#abort}. */
    public void abort(Throwable cause) {
        out.abort(cause);
    }

    public boolean isOpen() {
        return out.isOpen();
    }

    /** See {@link StreamWriter#done()}: how the producer learns that the client went away. */
    public CompletableFuture<Void> done() {
        return out.done();
    }

    private static String codeOf(Throwable error) {
        if (error instanceof AwsException aws) {
            return aws.code();
        }
        if (error instanceof AwsServiceException sdk && sdk.awsErrorDetails() != null
                && sdk.awsErrorDetails().errorCode() != null) {
            return sdk.awsErrorDetails().errorCode();
        }
        return error.getClass().getSimpleName();
    }

    private static String messageOf(Throwable error) {
        if (error instanceof AwsServiceException sdk && sdk.awsErrorDetails() != null
                && sdk.awsErrorDetails().errorMessage() != null) {
            return sdk.awsErrorDetails().errorMessage();
        }
        return error.getMessage();
    }
}
