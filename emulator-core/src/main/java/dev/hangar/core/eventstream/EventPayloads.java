package dev.hangar.core.eventstream;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.core.OperationInfo;
import software.amazon.awssdk.protocols.json.AwsJsonProtocol;
import software.amazon.awssdk.protocols.json.AwsJsonProtocolFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An event's members as an event message carries them, written by the SDK's own JSON marshaller (the one its clients
 * use for the events they send): a member bound to the event payload is the raw payload, members bound to event
 * headers are headers, the rest is a JSON body. Event bodies are alike in restJson and awsJson, so one marshaller
 * serves both.
 */
final class EventPayloads {

    record Encoded(String contentType, byte[] payload, Map<String, String> headers) {
    }

    private static final AwsJsonProtocolFactory JSON = AwsJsonProtocolFactory.builder()
            .clientConfiguration(SdkClientConfiguration.builder()
                    .option(SdkClientOption.ENDPOINT, URI.create("http://localhost")).build())
            .protocol(AwsJsonProtocol.REST_JSON)
            .protocolVersion("1.1")
            .build();

    /** How each event class is marshalled, worked out once per class (its fields are an instance's to tell). */
    private static final ConcurrentHashMap<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private record Shape(OperationInfo info, String contentType, List<String> headers, Method eventType) {

        static Shape of(SdkPojo event) {
            SdkField<?> payload = null;
            boolean bodyMembers = false;
            List<String> headers = new ArrayList<>();
            for (SdkField<?> field : event.sdkFields()) {
                if (field.containsTrait(PayloadTrait.class)) {
                    payload = field;
                } else if (field.location() == MarshallLocation.HEADER) {
                    headers.add(field.locationName());
                } else {
                    bodyMembers = true;
                }
            }
            OperationInfo info = OperationInfo.builder().requestUri("/").httpMethod(SdkHttpMethod.POST)
                    .hasExplicitPayloadMember(payload != null).hasPayloadMembers(payload != null || bodyMembers)
                    .hasImplicitPayloadMembers(payload == null && bodyMembers).hasEvent(true).build();
            String contentType;
            if (payload != null && payload.marshallingType() == MarshallingType.SDK_BYTES) {
                contentType = "application/octet-stream";
            } else if (payload != null && payload.marshallingType() == MarshallingType.STRING) {
                contentType = "text/plain";
            } else {
                contentType = "application/json";
            }
            Method eventType;
            try {
                eventType = event.getClass().getMethod("sdkEventType");
            } catch (NoSuchMethodException e) {
                eventType = null; // not a generated event class: the caller names the event type
            }
            return new Shape(info, contentType, List.copyOf(headers), eventType);
        }
    }

    private EventPayloads() {
    }

    static Encoded encode(SdkPojo event) {
        Shape shape = shape(event);
        SdkHttpFullRequest marshalled = JSON.createProtocolMarshaller(shape.info()).marshall(event);
        byte[] body = marshalled.contentStreamProvider().map(p -> readAll(p.newStream())).orElse(new byte[0]);
        Map<String, String> headers = Map.of();
        if (!shape.headers().isEmpty()) {
            headers = new LinkedHashMap<>();
            for (String name : shape.headers()) {
                Map<String, String> into = headers;
                marshalled.firstMatchingHeader(name).ifPresent(value -> into.put(name, value));
            }
        }
        return new Encoded(shape.contentType(), body, headers);
    }

    /** The event's member name in its stream's union, from the generated event class ("PayloadChunk"). */
    static String eventType(SdkPojo event) {
        Method method = shape(event).eventType();
        if (method == null) {
            throw new IllegalArgumentException(event.getClass().getName()
                    + " is no event of an event stream union: name its event type");
        }
        try {
            return String.valueOf(method.invoke(event));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the event type of " + event.getClass().getName(), e);
        }
    }

    private static Shape shape(SdkPojo event) {
        Shape known = SHAPES.get(event.getClass());
        return known != null ? known : SHAPES.computeIfAbsent(event.getClass(), type -> Shape.of(event));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
