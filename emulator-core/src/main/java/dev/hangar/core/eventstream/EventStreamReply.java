package dev.hangar.core.eventstream;

import software.amazon.awssdk.core.SdkResponse;

import java.util.Objects;

/**
 * What the handler of an operation with an event stream output returns (Lambda's InvokeWithResponseStream, Logs'
 * StartLiveTail), directly or as a future: the response, written as the operation's response always is (its status
 * code and header members in the head; for awsJson, its body as the stream's {@code initial-response} event), and the
 * producer of the events that follow.
 *
 * <pre>{@code
 * @RunsOn(RunsOn.Pool.EVENT_LOOP)
 * public EventStreamReply<InvokeWithResponseStreamResponse> invokeWithResponseStream(RequestContext ctx,
 *         InvokeWithResponseStreamRequest request) {
 *     return EventStreamReply.of(InvokeWithResponseStreamResponse.builder().statusCode(200).build(),
 *             events -> invocation.onChunk(chunk -> events.event(payloadChunk(chunk))) ...);
 * }
 * }</pre>
 */
public record EventStreamReply<R extends SdkResponse>(R response, EventStreamProducer producer) {

    public EventStreamReply {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(producer, "producer");
    }

    public static <R extends SdkResponse> EventStreamReply<R> of(R response, EventStreamProducer producer) {
        return new EventStreamReply<>(response, producer);
    }
}
