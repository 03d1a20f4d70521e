package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.ServiceDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every operation of every service: a response filled with a value in every member is written by our codec,
 * served over HTTP, and read by the real SDK client, which must produce an equal object.
 */
class ResponseRoundTripTest extends PerServiceRoundTrips {

    /** Operations whose response cannot round-trip, with the reason. */
    static final Map<String, String> EXCLUDED = Map.of();

    private static final Map<String, int[]> COUNTS = new ConcurrentHashMap<>();
    private static CannedHttpServer server;

    @BeforeAll
    static void start() {
        server = new CannedHttpServer();
    }

    @AfterAll
    static void stop() {
        server.close();
        new TreeMap<>(COUNTS).forEach((service, c) -> System.out.printf(
                "response round trip %-13s %3d operations, %3d passed, %d excluded%n", service, c[0], c[1], c[2]));
    }

    /** HttpURLConnection cannot send PATCH; the canned server answers whatever the method. */
    static final class PatchAsPost implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            SdkHttpRequest http = context.httpRequest();
            return http.method() == SdkHttpMethod.PATCH ? http.toBuilder().method(SdkHttpMethod.POST).build() : http;
        }
    }

    @Override
    List<DynamicTest> roundTrips(ServiceDescriptor descriptor) {
        ServiceModel model = ServiceModel.of(descriptor);
        ProtocolCodec codec = Codecs.forProtocol(descriptor.protocol());
        SdkClient client = SdkClients.build(descriptor.sdkClient(), server.endpoint(), new PatchAsPost());
        int[] counts = COUNTS.computeIfAbsent(descriptor.name(), k -> new int[3]);
        List<DynamicTest> tests = new ArrayList<>();
        for (OperationModel operation : model.operations()) {
            counts[0]++;
            if (EXCLUDED.containsKey(descriptor.name() + ":" + operation.name())
                    // event-stream outputs have no sync client method to call; EventStreamTest proves them
                    || model.hasEventStreamOutput(operation)) {
                counts[2]++;
                continue;
            }
            tests.add(DynamicTest.dynamicTest(operation.name(), () -> {
                SampleValues samples = new SampleValues();
                SdkRequest request = (SdkRequest) samples.fill(operation.requestClass());
                SdkPojo expected = samples.fill(operation.responseClass());
                AwsHttpResponse wire = codec.writeResponse(operation, expected, "test-request");
                Object actual;
                synchronized (server) {
                    server.answer(wire);
                    actual = SdkClients.call(client, descriptor.sdkClient(), request);
                }
                assertTrue(expected.equalsBySdkFields(actual), () -> "expected " + expected + "\nbut read " + actual
                        + "\nfrom status " + wire.status() + " headers " + wire.headers()
                        + "\n" + new String(wire.body(), java.nio.charset.StandardCharsets.UTF_8));
                synchronized (counts) {
                    counts[1]++;
                }
            }));
        }
        return tests;
    }
}
