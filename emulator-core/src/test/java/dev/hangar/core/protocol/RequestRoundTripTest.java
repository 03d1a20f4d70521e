package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.service.ServiceDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * For every operation of every service: the SDK's own client builds and signs the request (filled with a value in
 * every member), we capture it before it goes out, and our codec must route it to the same operation and read back
 * a request equal to the original.
 */
class RequestRoundTripTest extends PerServiceRoundTrips {

    /** Operations that cannot round-trip through a model object, with the reason. */
    static final Map<String, String> EXCLUDED = Map.of();

    private static final Map<String, int[]> COUNTS = new ConcurrentHashMap<>();
    private static final java.util.Set<String> TYPES = ConcurrentHashMap.newKeySet();

    @AfterAll
    static void report() {
        Map<String, int[]> sorted = new TreeMap<>(COUNTS);
        sorted.forEach((service, c) -> System.out.printf("request round trip %-13s %3d operations, %3d passed, %d excluded%n",
                service, c[0], c[1], c[2]));
        System.out.println("request round trip member types met: " + new java.util.TreeSet<>(TYPES));
    }

    @Override
    List<DynamicTest> roundTrips(ServiceDescriptor descriptor) {
        ServiceModel model = ServiceModel.of(descriptor);
        ProtocolCodec codec = Codecs.forProtocol(descriptor.protocol());
        SdkClients.Capture capture = new SdkClients.Capture();
        SdkClient client = SdkClients.build(descriptor.sdkClient(), URI.create("http://localhost:4566"), capture);
        int[] counts = COUNTS.computeIfAbsent(descriptor.name(), k -> new int[3]);
        List<DynamicTest> tests = new ArrayList<>();
        for (OperationModel operation : model.operations()) {
            String key = descriptor.name() + ":" + operation.name();
            counts[0]++;
            if (EXCLUDED.containsKey(key)
                    // event-stream outputs have no sync client method to call; EventStreamTest proves them
                    || model.hasEventStreamOutput(operation)) {
                counts[2]++;
                continue;
            }
            tests.add(DynamicTest.dynamicTest(operation.name(), () -> {
                SampleValues samples = SampleValues.forRequests(descriptor.protocol());
                SdkRequest original = (SdkRequest) samples.fill(operation.requestClass());
                TYPES.addAll(samples.typesSeen);
                AwsHttpRequest wire = send(client, descriptor, capture, original);
                OperationMatch match = codec.resolve(model, wire);
                assertEquals(operation.name(), match.operation().name(), "routed " + wire.method() + " " + wire.path());
                SdkPojo read = codec.readRequest(match, wire);
                assertEquals(original, read, "read back from " + wire.method() + " " + wire.path() + "?"
                        + wire.rawQuery() + "\n" + new String(wire.body(), java.nio.charset.StandardCharsets.UTF_8));
                synchronized (counts) {
                    counts[1]++;
                }
            }));
        }
        return tests;
    }

    static AwsHttpRequest send(SdkClient client, ServiceDescriptor descriptor, SdkClients.Capture capture,
                               SdkRequest request) throws Throwable {
        try {
            SdkClients.call(client, descriptor.sdkClient(), request);
        } catch (SdkClients.Capture.Captured expected) {
            // the request never left
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof SdkClients.Capture.Captured)) {
                throw e;
            }
        }
        AwsHttpRequest wire = capture.take();
        assertNotNull(wire, "the SDK sent nothing");
        return wire;
    }
}
