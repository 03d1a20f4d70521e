package dev.hangar.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.BoundService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CloudWatch's awsJson 1.0, which other clients speak (the AWS CLI v1) but this SDK does not: every request the SDK
 * sends in CBOR, read by our CBOR codec, written back out as awsJson 1.0 by our writer, must reach the JSON codec of
 * the same service and read back equal; every response and modelled error the JSON codec writes must read back equal.
 */
class CloudWatchJsonRoundTripTest {

    private static final ServiceDescriptor CLOUDWATCH = TestServices.CLOUDWATCH;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, int[]> COUNTS = new LinkedHashMap<>();

    private final BoundService service = new BoundService(() -> CLOUDWATCH);
    private final ServiceModel model = service.model();

    @AfterAll
    static void report() {
        new java.util.TreeMap<>(COUNTS).forEach((what, c) -> System.out.printf("cloudwatch awsJson 1.0 %-15s %3d, %3d passed%n", what, c[0],
                c[1]));
    }

    /** Runs one round trip, counting it as run and, when it passes, as passed. */
    private static void counted(String what, org.junit.jupiter.api.function.Executable test) throws Throwable {
        int[] c;
        synchronized (COUNTS) {
            c = COUNTS.computeIfAbsent(what, k -> new int[2]);
            c[0]++;
        }
        test.execute();
        synchronized (COUNTS) {
            c[1]++;
        }
    }

    @TestFactory
    List<DynamicTest> requests() {
        SdkClients.Capture capture = new SdkClients.Capture();
        SdkClient client = SdkClients.build(CLOUDWATCH.sdkClient(), URI.create("http://localhost:4566"), capture);
        ProtocolCodec cbor = Codecs.forProtocol(Protocol.RPC_V2_CBOR);
        List<DynamicTest> tests = new ArrayList<>();
        for (OperationModel operation : model.operations()) {
            tests.add(DynamicTest.dynamicTest(operation.name(), () -> counted("requests", () -> {
                SdkRequest original = (SdkRequest) new SampleValues().fill(operation.requestClass());
                AwsHttpRequest sent;
                synchronized (capture) {
                    sent = RequestRoundTripTest.send(client, CLOUDWATCH, capture, original);
                }
                assertSame(cbor, service.codecFor(sent));
                SdkPojo fromCbor = cbor.readRequest(cbor.resolve(model, sent), sent);
                byte[] json = Json.write(g -> SdkPojoWriter.writeStructure(g, fromCbor,
                        PojoShape.of(fromCbor.getClass())));
                AwsHttpRequest asJson = awsJson10(CLOUDWATCH.targetPrefix() + "." + operation.name(), json);
                ProtocolCodec codec = service.codecFor(asJson);
                assertEquals(Protocol.AWS_JSON_1_0, codec.protocol());
                OperationMatch match = codec.resolve(model, asJson);
                assertEquals(operation.name(), match.operation().name());
                assertEquals(original, codec.readRequest(match, asJson), new String(json, StandardCharsets.UTF_8));
            })));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> responses() {
        ProtocolCodec codec = Codecs.forProtocol(Protocol.AWS_JSON_1_0);
        List<DynamicTest> tests = new ArrayList<>();
        for (OperationModel operation : model.operations()) {
            tests.add(DynamicTest.dynamicTest(operation.name(), () -> counted("responses", () -> {
                SdkPojo expected = new SampleValues().fill(operation.responseClass());
                AwsHttpResponse wire = codec.writeResponse(operation, expected, "r");
                assertEquals(200, wire.status());
                assertEquals("application/x-amz-json-1.0", wire.headers().get("Content-Type"));
                PojoShape shape = PojoShape.of(operation.responseClass());
                SdkPojo builder = shape.newBuilder();
                SdkPojoReader.readBody(wire.body(), 0, wire.body().length, shape, builder);
                SdkPojo read = PojoShape.build(builder);
                assertTrue(expected.equalsBySdkFields(read), () -> expected + "\nread " + read + "\nfrom "
                        + new String(wire.body(), StandardCharsets.UTF_8));
            })));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> errors() {
        ProtocolCodec codec = Codecs.forProtocol(Protocol.AWS_JSON_1_0);
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> exceptionClass : ErrorRoundTripTest.modelledExceptions(CLOUDWATCH.sdkClient())) {
            tests.add(DynamicTest.dynamicTest(exceptionClass.getSimpleName(), () -> counted("errors", () -> {
                AwsServiceException.Builder builder =
                        (AwsServiceException.Builder) exceptionClass.getMethod("builder").invoke(null);
                builder.message("Boom: " + exceptionClass.getSimpleName());
                SdkPojo thrown = new SampleValues().fill((SdkPojo) builder);
                AwsHttpResponse wire = codec.writeError(model, (Throwable) thrown, "r");
                ModelledErrors.ErrorInfo info = model.modelledErrors().of(exceptionClass);
                assertEquals(info.status(), wire.status());
                assertEquals(info.code(), wire.headers().get("X-Amzn-ErrorType"));
                JsonNode body = JSON.readTree(wire.body());
                assertEquals(info.code(), body.get("__type").asText());
                assertEquals(((Throwable) thrown).getMessage(), body.get("message").asText());
                PojoShape shape = PojoShape.of(exceptionClass);
                SdkPojo members = shape.newBuilder();
                SdkPojoReader.readBody(wire.body(), 0, wire.body().length, shape, members);
                SdkPojo read = PojoShape.build(members);
                for (SdkField<?> field : thrown.sdkFields()) {
                    assertEquals(field.getValueOrDefault(thrown), field.getValueOrDefault(read), field.memberName());
                }
            })));
        }
        return tests;
    }

    /** An awsJson 1.0 request as the AWS CLI v1 sends one to CloudWatch. */
    private static AwsHttpRequest awsJson10(String target, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-target", target);
        headers.put("content-type", "application/x-amz-json-1.0");
        headers.put("x-amzn-query-mode", "true");
        return new AwsHttpRequest("POST", "/", "", Map.of(), headers, body, "127.0.0.1");
    }
}
