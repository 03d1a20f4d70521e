package dev.hangar.core.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.BoundService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Entity;
import software.amazon.awssdk.services.cloudwatch.model.EntityMetricData;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricWidgetImageResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rpcv2Cbor as the SDK's smithy-rpcv2-protocol speaks it (read from its jar: tag-1 doubles for timestamps, integral
 * doubles sent as integers, floats shrunk to 32 bits, indefinite-length maps, definite-length arrays) and as the
 * Smithy spec allows it (half floats, undefined, untagged timestamps, a path prefix, a namespaced service segment).
 */
class RpcV2CborCodecTest {

    private static final String PATH = "/service/GraniteServiceVersion20100801/operation/";
    private static final ObjectMapper CBOR = new ObjectMapper(Cbor.FACTORY);
    private static CannedHttpServer server;
    private static CloudWatchClient client;

    private final ServiceModel cloudwatch = ServiceModel.of(TestServices.CLOUDWATCH);
    private final ProtocolCodec codec = Codecs.forProtocol(Protocol.RPC_V2_CBOR);

    @BeforeAll
    static void start() {
        server = new CannedHttpServer();
        client = (CloudWatchClient) SdkClients.build(CloudWatchClient.class, server.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static AwsHttpRequest request(String method, String path, byte[] body, String... headerPairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("smithy-protocol", "rpc-v2-cbor");
        headers.put("content-type", "application/cbor");
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        return new AwsHttpRequest(method, path, "", Map.of(), headers, body, "127.0.0.1");
    }

    /** These tests are about reading values: the model they read with leaves required members unchecked. */
    private final ServiceModel valuesOnly = ServiceModel.of(ServiceDescriptor.builder("cloudwatch")
            .signingName("monitoring").protocols(Protocol.RPC_V2_CBOR).targetPrefix("GraniteServiceVersion20100801")
            .sdkClient(software.amazon.awssdk.services.cloudwatch.CloudWatchClient.class).build());

    private SdkPojo read(String operation, byte[] body) {
        AwsHttpRequest request = request("POST", PATH + operation, body);
        return codec.readRequest(codec.resolve(valuesOnly, request), request);
    }

    private AwsException readFails(String operation, byte[] body) {
        return assertThrows(AwsException.class, () -> read(operation, body));
    }

    /** What the real SDK client makes of our bytes. */
    private static Object sdkReads(AwsHttpResponse wire, SdkRequest request) throws Throwable {
        synchronized (server) {
            server.answer(wire);
            return SdkClients.call(client, CloudWatchClient.class, request);
        }
    }

    /** What the real SDK client sends for that request, captured before it leaves. */
    private static AwsHttpRequest sdkSends(SdkRequest request) throws Throwable {
        SdkClients.Capture capture = new SdkClients.Capture();
        try (CloudWatchClient capturing = (CloudWatchClient) SdkClients.build(CloudWatchClient.class,
                URI.create("http://localhost:4566"), capture)) {
            return RequestRoundTripTest.send(capturing, TestServices.CLOUDWATCH, capture, request);
        }
    }

    @Test
    void theSdkSendsWhatTheSpecSaysAndWeReadItBack() throws Throwable {
        PutMetricDataRequest original = PutMetricDataRequest.builder().namespace("app").metricData(
                MetricDatum.builder().metricName("m").value(2.0).timestamp(Instant.ofEpochMilli(1_700_000_000_123L))
                        .values(1.5, 0.1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)
                        .counts(1.0e300, Double.MIN_VALUE).build(),
                MetricDatum.builder().metricName("old").timestamp(Instant.ofEpochMilli(-1_500L)).build(),
                MetricDatum.builder().metricName("whole").timestamp(Instant.ofEpochSecond(1_700_000_000L)).build())
                .build();
        AwsHttpRequest wire = sdkSends(original);
        assertEquals("POST", wire.method());
        assertEquals(PATH + "PutMetricData", wire.path());
        assertEquals("rpc-v2-cbor", wire.header("smithy-protocol"));
        assertEquals("application/cbor", wire.header("content-type"));
        assertEquals("application/cbor", wire.header("accept"));
        assertNull(wire.header("x-amz-target"));
        assertTrue(wire.header("authorization").contains("/us-east-1/monitoring/aws4_request"));
        String body = hex(wire.body());
        assertTrue(body.startsWith("bf"), "structures are indefinite-length maps: " + body);
        assertTrue(body.contains("c1fb41d954fc4007df3b"), "a timestamp is tag 1 around a double: " + body);
        assertTrue(body.contains("6556616c756502"), "Value 2.0 goes as the integer 2: " + body);
        assertTrue(body.contains("fa3fc00000"), "1.5 goes as a 32-bit float: " + body);
        assertEquals(original, codec.readRequest(codec.resolve(cloudwatch, wire), wire));
    }

    @Test
    void emptyBodiesAndMapsOfEitherLengthAreEmptyRequests() throws Throwable {
        AwsHttpRequest wire = sdkSends(ListMetricsRequest.builder().build());
        assertEquals("bfff", hex(wire.body()));
        assertEquals(ListMetricsRequest.builder().build(), codec.readRequest(codec.resolve(cloudwatch, wire), wire));
        assertEquals(ListMetricsRequest.builder().build(), read("ListMetrics", new byte[0]));
        assertEquals(ListMetricsRequest.builder().build(), read("ListMetrics", hex("a0")));
        assertEquals(ListMetricsRequest.builder().build(), read("ListMetrics", hex("f6")));
    }

    @Test
    void cborValuesTheSdkDoesNotSendAreReadAsTheSpecSays() {
        // {"MaxRecords": 7, "NextToken": undefined, "AlarmNames": ["a", null], "Unknown": h'00'}, definite lengths
        DescribeAlarmsRequest read = (DescribeAlarmsRequest) read("DescribeAlarms", hex(
                "a4 6a4d61785265636f72647307 694e657874546f6b656ef7 6a416c61726d4e616d6573826161f6 67556e6b6e6f776e4100"));
        assertEquals(7, read.maxRecords());
        assertNull(read.nextToken());
        assertEquals(Arrays.asList("a", null), read.alarmNames());

        // GetMetricStatistics: StartTime as an untagged integer, EndTime as tag 1 around a half float (2.0)
        GetMetricStatisticsRequest times = (GetMetricStatisticsRequest) read("GetMetricStatistics", hex(
                "a2 69537461727454696d651a6553f100 67456e6454696d65c1f94000"));
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), times.startTime());
        assertEquals(Instant.ofEpochSecond(2), times.endTime());
    }

    @Test
    void halfFloatsIncludingNanAndInfinityAreRead() {
        // MetricData: [{"Values": [1.0, NaN, Infinity, -Infinity] as half floats}]
        PutMetricDataRequest read = (PutMetricDataRequest) read("PutMetricData", hex(
                "a1 6a4d657472696344617461 81 a1 6656616c756573 84 f93c00 f97e00 f97c00 f9fc00"));
        assertEquals(List.of(1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
                read.metricData().get(0).values());
    }

    @Test
    void cborReadsAsItsJsonTwinDoes() {
        // null list elements and map values are kept, as the JSON reader keeps them
        Map<String, String> attributes = new HashMap<>();
        attributes.put("a", null);
        attributes.put("b", "x");
        PutMetricDataRequest expected = PutMetricDataRequest.builder().namespace("n").entityMetricData(
                EntityMetricData.builder().entity(Entity.builder().keyAttributes(attributes).build()).build()).build();
        byte[] cbor = Cbor.write(g -> SdkPojoWriter.writeStructure(g, expected, PojoShape.of(expected.getClass())));
        byte[] json = Json.write(g -> SdkPojoWriter.writeStructure(g, expected, PojoShape.of(expected.getClass())));
        assertEquals(expected, read("PutMetricData", cbor));
        SdkPojo fromJson = PojoShape.of(PutMetricDataRequest.class).newBuilder();
        SdkPojoReader.readBody(json, 0, json.length, PojoShape.of(PutMetricDataRequest.class), fromJson);
        assertEquals(expected, PojoShape.build(fromJson));
    }

    @Test
    void blobsAreByteStrings() throws Throwable {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        GetMetricWidgetImageResponse image = GetMetricWidgetImageResponse.builder()
                .metricWidgetImage(SdkBytes.fromByteArray(png)).build();
        AwsHttpResponse wire = codec.writeResponse(cloudwatch.operation("GetMetricWidgetImage"), image, "r");
        assertTrue(hex(wire.body()).contains("46" + hex(png)), hex(wire.body()));
        SdkPojo builder = PojoShape.of(GetMetricWidgetImageResponse.class).newBuilder();
        SdkPojoReader.readCborBody(wire.body(), 0, wire.body().length, PojoShape.of(image.getClass()), builder);
        assertArrayEquals(png, ((GetMetricWidgetImageResponse) PojoShape.build(builder)).metricWidgetImage()
                .asByteArray());
    }

    @Test
    void theSdkReadsOurTimestampsFloatsAndMaps() throws Throwable {
        Map<String, Double> extended = new LinkedHashMap<>();
        extended.put("p99", Double.NaN);
        extended.put("p100", Double.POSITIVE_INFINITY);
        GetMetricStatisticsResponse statistics = GetMetricStatisticsResponse.builder().label("l").datapoints(
                Datapoint.builder().timestamp(Instant.ofEpochSecond(1_700_000_000L)).sum(3.0)
                        .average(Double.NEGATIVE_INFINITY).extendedStatistics(extended).build(),
                Datapoint.builder().timestamp(Instant.ofEpochMilli(-1_500L)).build()).build();
        AwsHttpResponse wire = codec.writeResponse(cloudwatch.operation("GetMetricStatistics"), statistics, "r");
        String body = hex(wire.body());
        assertTrue(body.contains("c11a6553f100"), "whole seconds are a tagged integer: " + body);
        assertTrue(body.contains("c1fbbff8000000000000"), "-1.5 s is a tagged double: " + body);
        assertTrue(body.contains("fb7ff8000000000000"), "NaN is a CBOR float, not a string: " + body);
        assertTrue(body.contains("a263703939"), "a map of known size has a definite length: " + body);
        Object read = sdkReads(wire, GetMetricStatisticsRequest.builder().build());
        assertTrue(statistics.equalsBySdkFields(read), () -> statistics + "\n" + read);

        GetMetricDataResponse data = GetMetricDataResponse.builder().metricDataResults(MetricDataResult.builder()
                .id("q").timestamps(Instant.ofEpochMilli(1_700_000_000_001L), Instant.ofEpochMilli(999))
                .values(0.1, -0.0, 1e-300, Double.MAX_VALUE).build()).build();
        Object readData = sdkReads(codec.writeResponse(cloudwatch.operation("GetMetricData"), data, "r"),
                GetMetricDataRequest.builder().build());
        assertTrue(data.equalsBySdkFields(readData), () -> data + "\n" + readData);
    }

    @Test
    void responsesSayTheirProtocolAndANullResponseIsAnEmptyMap() throws Throwable {
        AwsHttpResponse wire = codec.writeResponse(cloudwatch.operation("DescribeAlarms"), null, "r");
        assertEquals(200, wire.status());
        assertEquals("rpc-v2-cbor", wire.headers().get("smithy-protocol"));
        assertEquals("application/cbor", wire.headers().get("Content-Type"));
        assertEquals("a0", hex(wire.body()));
        Object read = sdkReads(wire, DescribeAlarmsRequest.builder().build());
        assertTrue(DescribeAlarmsResponse.builder().build().equalsBySdkFields(read));
    }

    @Test
    void malformedCborIsASerializationException() {
        for (String body : List.of("7b224e616d657370616365223a2278227d" /* {"Namespace":"x"} as JSON text */,
                "ff", "bf6a4d61785265636f726473", "80", "a0a0", "a16a4d61785265636f72647381")) {
            AwsException error = readFails("DescribeAlarms", hex(body));
            assertEquals("SerializationException", error.code(), body);
            assertEquals(400, error.status(), body);
        }
        assertEquals("Expected a CBOR map as the request body, found start of list",
                readFails("DescribeAlarms", hex("80")).getMessage());
        assertEquals("Unexpected content after the CBOR map at byte 2",
                readFails("DescribeAlarms", hex("a0a0")).getMessage());
        assertTrue(readFails("DescribeAlarms", hex("ff")).getMessage().contains("at byte"));
    }

    @Test
    void wrongTypesAndOutOfRangeNumbersNameTheMember() {
        assertEquals("STRING_VALUE can not be converted to an Integer (at 'MaxRecords')",
                readFails("DescribeAlarms", hex("a1 6a4d61785265636f726473 6133")).getMessage());
        assertEquals("BLOB_VALUE can not be converted to a String (at 'NextToken')",
                readFails("DescribeAlarms", hex("a1 694e657874546f6b656e 4100")).getMessage());
        assertTrue(readFails("DescribeAlarms", hex("a1 6a4d61785265636f726473 1b0000010000000000")).getMessage()
                .startsWith("Numeric value (1099511627776) out of range of an Integer"));
        // a bignum (tag 2) where a 32-bit integer belongs
        assertEquals("SerializationException",
                readFails("DescribeAlarms", hex("a1 6a4d61785265636f726473 c249010000000000000000")).code());
    }

    @Test
    void routesByTheLastFourPathSegmentsOnly() {
        byte[] empty = hex("a0");
        for (String path : List.of(PATH + "ListMetrics", "/v1/prefix" + PATH + "ListMetrics",
                "/service/com.amazonaws.cloudwatch.GraniteServiceVersion20100801/operation/ListMetrics")) {
            assertEquals("ListMetrics", codec.resolve(cloudwatch, request("POST", path, empty)).operation().name());
        }
        for (String path : List.of(PATH + "NoSuchOperation", PATH, PATH + "ListMetrics/", "/service/Other/operation/"
                + "ListMetrics", "/service/x-GraniteServiceVersion20100801/operation/ListMetrics", "/",
                "/operation/ListMetrics", "/service/GraniteServiceVersion20100801", PATH + "com.x.ListMetrics")) {
            AwsException error = assertThrows(AwsException.class,
                    () -> codec.resolve(cloudwatch, request("POST", path, empty)), path);
            assertEquals("UnknownOperationException", error.code(), path);
            assertEquals(404, error.status(), path);
        }
        assertEquals(405, assertThrows(AwsException.class, () -> codec.resolve(cloudwatch,
                request("GET", PATH + "ListMetrics", empty))).status());
        AwsException named = assertThrows(AwsException.class, () -> codec.resolve(cloudwatch, request("POST",
                PATH + "ListMetrics", empty, "x-amz-target", "GraniteServiceVersion20100801.ListMetrics")));
        assertEquals(404, named.status());
    }

    @Test
    void errorsAreCborWithTypeAndMessage() throws Exception {
        AwsHttpResponse wire = codec.writeError(cloudwatch, ResourceNotFoundException.builder().message("gone")
                .resourceType("alarm").resourceId("a").build(), "r");
        assertEquals(404, wire.status());
        assertEquals("rpc-v2-cbor", wire.headers().get("smithy-protocol"));
        assertEquals("application/cbor", wire.headers().get("Content-Type"));
        assertNull(wire.headers().get("X-Amzn-ErrorType"), "the spec says rpcv2Cbor answers SHOULD NOT carry it");
        assertEquals(Map.of("__type", "ResourceNotFoundException", "message", "gone", "ResourceType", "alarm",
                "ResourceId", "a"), CBOR.readValue(wire.body(), Map.class));

        AwsHttpResponse unknown = RpcV2CborCodec.error(404, "UnknownServiceException", "nobody");
        assertEquals(Map.of("__type", "UnknownServiceException", "message", "nobody"),
                CBOR.readValue(unknown.body(), Map.class));
    }

    @Test
    void theSdkTakesTheErrorCodeWithOrWithoutANamespaceAndTheQueryCodeFromItsHeader() throws Throwable {
        for (String type : List.of("ResourceNotFoundException", "com.amazonaws.cloudwatch#ResourceNotFoundException")) {
            AwsHttpResponse wire = new AwsHttpResponse(404, Map.of("Content-Type", "application/cbor",
                    "smithy-protocol", "rpc-v2-cbor"), Cbor.write(g -> {
                        g.writeStartObject();
                        g.writeStringField("__type", type);
                        g.writeStringField("message", "gone");
                        g.writeEndObject();
                    }));
            ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                    () -> sdkReads(wire, DescribeAlarmsRequest.builder().build()), type);
            assertEquals("gone", e.awsErrorDetails().errorMessage());
            assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());

            // CloudWatch is awsQueryCompatible: the header's code (before ';') becomes the error code, not the class
            AwsHttpResponse withQueryCode = wire.withHeader("x-amzn-query-error", "ResourceNotFound;Sender");
            ResourceNotFoundException q = assertThrows(ResourceNotFoundException.class,
                    () -> sdkReads(withQueryCode, DescribeAlarmsRequest.builder().build()));
            assertEquals("ResourceNotFound", q.awsErrorDetails().errorCode());
        }
        // no body at all: the SDK goes by the status alone
        CloudWatchException bare = assertThrows(CloudWatchException.class, () -> sdkReads(new AwsHttpResponse(503,
                Map.of("smithy-protocol", "rpc-v2-cbor"), new byte[0]), DescribeAlarmsRequest.builder().build()));
        assertEquals(503, bare.statusCode());
    }

    @Test
    void documentNumbersAreTypedCborNumbers() throws Exception {
        // rpcv2Cbor has no documents; the writer still keeps their numbers numbers (an ECS shape carries one)
        Document details = Document.mapBuilder().putNumber("i", 7).putNumber("big", new BigDecimal(
                "123456789012345678901234567890")).putNumber("d", 0.1).putNumber("exact", new BigDecimal(
                        "0.1000000000000000000001"))
                .putNumber("nan", Double.NaN).putString("s", "x").putNull("z")
                .putList("l", l -> l.addBoolean(true).addNumber(-3)).build();
        DeploymentLifecycleHook hook = DeploymentLifecycleHook.builder().hookTargetArn("arn").hookDetails(details)
                .build();
        byte[] cbor = Cbor.write(g -> SdkPojoWriter.writeStructure(g, hook, PojoShape.of(hook.getClass())));
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) CBOR.readValue(cbor, Map.class).get("hookDetails");
        assertEquals(7, raw.get("i"));
        assertEquals(new java.math.BigInteger("123456789012345678901234567890"), raw.get("big"));
        assertEquals(0.1, raw.get("d"));
        assertEquals(new BigDecimal("0.1000000000000000000001"), raw.get("exact"));
        assertTrue(Double.isNaN((Double) raw.get("nan")));
        SdkPojo builder = PojoShape.of(DeploymentLifecycleHook.class).newBuilder();
        SdkPojoReader.readCborBody(cbor, 0, cbor.length, PojoShape.of(DeploymentLifecycleHook.class), builder);
        Document read = ((DeploymentLifecycleHook) PojoShape.build(builder)).hookDetails();
        assertEquals(details.asMap().keySet(), read.asMap().keySet());
        assertEquals("123456789012345678901234567890", read.asMap().get("big").asNumber().stringValue());
        assertEquals("0.1000000000000000000001", read.asMap().get("exact").asNumber().stringValue());
        assertTrue(Double.isNaN(read.asMap().get("nan").asNumber().doubleValue()));
        assertTrue(read.asMap().get("l").asList().get(0).asBoolean());
        assertEquals(-3, read.asMap().get("l").asList().get(1).asNumber().intValue());
    }

    @Test
    void aServiceServedInSeveralProtocolsAnswersEachInItsOwn() {
        ServiceDescriptor descriptor = TestServices.CLOUDWATCH;
        AwsService service = () -> descriptor;
        BoundService bound = new BoundService(service);
        assertEquals(Protocol.RPC_V2_CBOR, bound.codec().protocol());
        assertSame(codec, bound.codecFor(request("POST", PATH + "ListMetrics", hex("a0"))));
        AwsHttpRequest json = Requests.awsJson("GraniteServiceVersion20100801.ListMetrics", "{}");
        assertEquals(Protocol.AWS_JSON_1_0, bound.codecFor(json).protocol());
        assertEquals("ListMetrics", bound.codecFor(json).resolve(bound.model(), json).operation().name());
    }
}
