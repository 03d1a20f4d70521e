package dev.hangar.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.hangar.testsupport.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service served in several protocols, over the wire: the real CloudWatchClient speaks rpcv2Cbor, hand-made
 * requests speak awsJson 1.0 as the CLI does, and each is answered in its own protocol by the same handlers.
 */
class CloudWatchServerTest {

    private static final String PATH = "/service/GraniteServiceVersion20100801/operation/";
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    static FakeCloudWatchService cloudwatch = new FakeCloudWatchService();
    static HangarServer server;
    static CloudWatchClient client;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = HangarServer.builder().port(0).service(cloudwatch).build().start();
        client = TestClients.pointedAt(CloudWatchClient.builder(), server.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static HttpResponse<byte[]> post(URI endpoint, String path, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> cbor(String path, byte[] body) throws Exception {
        return post(server.endpoint(), path, body, "smithy-protocol", "rpc-v2-cbor", "Content-Type",
                "application/cbor");
    }

    private static HttpResponse<byte[]> json(String operation, String body) throws Exception {
        return post(server.endpoint(), "/", body.getBytes(StandardCharsets.UTF_8), "X-Amz-Target",
                "GraniteServiceVersion20100801." + operation, "Content-Type", "application/x-amz-json-1.0");
    }

    private static void assertCborAnswer(HttpResponse<byte[]> response) {
        assertEquals("rpc-v2-cbor", response.headers().firstValue("smithy-protocol").orElse(null));
        assertEquals("application/cbor", response.headers().firstValue("content-type").orElse(null));
        assertTrue(response.headers().firstValue("x-amzn-requestid").isPresent());
    }

    @Test
    void theSdkPutsAndListsMetricsInCbor() {
        PutMetricDataRequest put = PutMetricDataRequest.builder().namespace("sdk").metricData(MetricDatum.builder()
                .metricName("latency").unit(StandardUnit.MILLISECONDS).dimensions(Dimension.builder().name("host")
                        .value("a").build()).timestamp(Instant.ofEpochMilli(1_700_000_000_250L))
                .values(1.5, 2.0, Double.NaN).counts(3.0, 1.0, 1.0).build()).build();
        assertNotNull(client.putMetricData(put).responseMetadata().requestId());
        assertEquals(put, cloudwatch.puts.get(cloudwatch.puts.size() - 1));
        ListMetricsResponse listed = client.listMetrics(b -> b.namespace("sdk"));
        assertEquals(List.of(Metric.builder().namespace("sdk").metricName("latency").dimensions(Dimension.builder()
                .name("host").value("a").build()).build()), listed.metrics());
    }

    @Test
    void modelledErrorsAndUnimplementedOperationsReachTheSdk() {
        DashboardNotFoundErrorException missing = assertThrows(DashboardNotFoundErrorException.class,
                () -> client.getDashboard(b -> b.dashboardName("nope")));
        assertEquals(404, missing.statusCode());
        assertEquals("Dashboard nope does not exist", missing.awsErrorDetails().errorMessage());
        assertNotNull(missing.requestId());

        CloudWatchException unimplemented = assertThrows(CloudWatchException.class, () -> client.describeAlarms());
        assertEquals(501, unimplemented.statusCode());
        assertEquals("NotImplemented", unimplemented.awsErrorDetails().errorCode());
        assertTrue(unimplemented.getMessage().contains("not implemented in Hangar: cloudwatch:DescribeAlarms"),
                unimplemented.getMessage());
    }

    @Test
    void awsJson10RequestsAreAnsweredInJsonByTheSameHandlers() throws Exception {
        HttpResponse<byte[]> put = json("PutMetricData", "{\"Namespace\":\"json\",\"MetricData\":[{\"MetricName\":"
                + "\"j\",\"Value\":1.5,\"Timestamp\":1700000000.5}]}");
        assertEquals(200, put.statusCode(), new String(put.body(), StandardCharsets.UTF_8));
        assertEquals("application/x-amz-json-1.0", put.headers().firstValue("content-type").orElse(null));
        PutMetricDataRequest read = cloudwatch.puts.get(cloudwatch.puts.size() - 1);
        assertEquals(Instant.ofEpochMilli(1_700_000_000_500L), read.metricData().get(0).timestamp());

        HttpResponse<byte[]> list = json("ListMetrics", "{\"Namespace\":\"json\"}");
        assertEquals(200, list.statusCode());
        JsonNode metrics = JSON.readTree(list.body()).get("Metrics");
        assertEquals("j", metrics.get(0).get("MetricName").asText());

        HttpResponse<byte[]> unknown = json("NoSuchOperation", "{}");
        assertEquals(400, unknown.statusCode());
        assertEquals("UnknownOperationException", JSON.readTree(unknown.body()).get("__type").asText());
    }

    @Test
    void unsignedCborRequestsFindTheServiceByTheirPath() throws Exception {
        client.putMetricData(b -> b.namespace("path").metricData(d -> d.metricName("p").value(1.0)));
        for (String path : List.of(PATH + "ListMetrics", "/prefix" + PATH + "ListMetrics",
                "/service/com.amazonaws.cloudwatch.GraniteServiceVersion20100801/operation/ListMetrics")) {
            HttpResponse<byte[]> response = cbor(path, new byte[] {(byte) 0xa1, 0x69, 'N', 'a', 'm', 'e', 's', 'p',
                    'a', 'c', 'e', 0x64, 'p', 'a', 't', 'h'});
            assertEquals(200, response.statusCode(), path);
            assertCborAnswer(response);
            assertEquals("p", CBOR.readTree(response.body()).get("Metrics").get(0).get("MetricName").asText(), path);
        }
    }

    @Test
    void badCborAndUnknownOperationsAreAnsweredInCbor() throws Exception {
        HttpResponse<byte[]> notCbor = cbor(PATH + "ListMetrics", "{\"Namespace\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notCbor.statusCode());
        assertCborAnswer(notCbor);
        assertEquals("SerializationException", CBOR.readTree(notCbor.body()).get("__type").asText());

        HttpResponse<byte[]> unknown = cbor(PATH + "NoSuchOperation", new byte[] {(byte) 0xa0});
        assertEquals(404, unknown.statusCode());
        assertCborAnswer(unknown);
        JsonNode error = CBOR.readTree(unknown.body());
        assertEquals("UnknownOperationException", error.get("__type").asText());
        assertTrue(error.get("message").asText().contains("NoSuchOperation"), error.toString());
    }

    @Test
    void anUnknownServiceAddressedInCborGetsACborErrorTheSdkReads() throws Exception {
        HttpResponse<byte[]> raw = cbor("/service/NoSuchService/operation/Foo", new byte[] {(byte) 0xa0});
        assertEquals(404, raw.statusCode());
        assertCborAnswer(raw);
        assertEquals("UnknownServiceException", CBOR.readTree(raw.body()).get("__type").asText());

        try (HangarServer other = HangarServer.builder().port(0).service(new FakeEcsService()).build().start();
             CloudWatchClient lost = TestClients.pointedAt(CloudWatchClient.builder(), other.endpoint())) {
            CloudWatchException e = assertThrows(CloudWatchException.class, () -> lost.listMetrics());
            assertEquals(404, e.statusCode());
            assertEquals("UnknownServiceException", e.awsErrorDetails().errorCode());
            assertTrue(e.awsErrorDetails().errorMessage().contains("signing name 'monitoring'"), e.getMessage());
        }
    }
}
