package dev.hangar.core.http;

import java.util.Objects;

/**
 * A body written over time by its producer.
 *
 * @param length the body's length when known before it is written (sent as Content-Length), else -1
 */
public record StreamedBody(long length, ResponseStream producer) implements AwsHttpResponse.Live {

    public StreamedBody {
        Objects.requireNonNull(producer, "producer");
    }
}
