package dev.hangar.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.testsupport.AwsCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS CLI v1 (botocore 1.43) speaks awsJson 1.0 to CloudWatch: its model lists rpcv2Cbor, json and query, and
 * botocore prefers json. Debian's CLI v2 (2.9) still speaks awsQuery. One service answers both, each in its own
 * protocol. A missing CLI fails the test rather than skipping it.
 */
class CloudWatchCliTest {

    static FakeCloudWatchService cloudwatch = new FakeCloudWatchService();
    static HangarServer server;
    static AwsCli v1;
    static AwsCli v2;

    @BeforeAll
    static void start() throws Exception {
        server = HangarServer.builder().port(0).service(cloudwatch).build().start();
        v1 = AwsCli.v1().at(server.endpoint());
        v2 = AwsCli.v2().at(server.endpoint());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void putsAndListsMetricsInAwsJson10() {
        v1.ok("cloudwatch", "put-metric-data", "--namespace", "cli", "--metric-name", "requests", "--value", "2.5",
                "--unit", "Count", "--dimensions", "host=a", "--timestamp", "2023-11-14T22:13:20.250Z");
        // botocore's awsJson serializer sends whole epoch seconds unless told to keep milliseconds
        assertEquals("GraniteServiceVersion20100801.PutMetricData", cloudwatch.lastHeaders.get("x-amz-target"),
                v1.toString());
        assertEquals("application/x-amz-json-1.0", cloudwatch.lastHeaders.get("content-type"));
        PutMetricDataRequest put = cloudwatch.puts.get(cloudwatch.puts.size() - 1);
        assertEquals(2.5, put.metricData().get(0).value());
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), put.metricData().get(0).timestamp());

        JsonNode listed = v1.json("cloudwatch", "list-metrics", "--namespace", "cli");
        assertEquals("requests", listed.get("Metrics").get(0).get("MetricName").asText(), listed.toString());
        assertEquals("a", listed.get("Metrics").get(0).get("Dimensions").get(0).get("Value").asText());
    }

    @Test
    void theCliV2PutsAndListsMetricsInAwsQuery() {
        v2.ok("cloudwatch", "put-metric-data", "--namespace", "cli-v2", "--metric-name", "latency", "--value", "7",
                "--unit", "Milliseconds", "--dimensions", "host=b");
        assertTrue(cloudwatch.lastHeaders.get("content-type").startsWith("application/x-www-form-urlencoded"),
                String.valueOf(cloudwatch.lastHeaders));
        PutMetricDataRequest put = cloudwatch.puts.get(cloudwatch.puts.size() - 1);
        assertEquals("cli-v2", put.namespace());
        assertEquals(7.0, put.metricData().get(0).value());
        assertEquals("b", put.metricData().get(0).dimensions().get(0).value());

        JsonNode listed = v2.json("cloudwatch", "list-metrics", "--namespace", "cli-v2");
        assertEquals("latency", listed.get("Metrics").get(0).get("MetricName").asText(), listed.toString());

        AwsCli.Result unimplemented = v2.run("cloudwatch", "describe-alarms");
        assertTrue(unimplemented.exit() != 0, unimplemented.out());
        assertTrue(unimplemented.err().contains("not implemented in Hangar: cloudwatch:DescribeAlarms"),
                unimplemented.err());
    }

    @Test
    void modelledErrorsAndUnimplementedOperationsReachTheCli() {
        AwsCli.Result missing = v1.run("cloudwatch", "get-dashboard", "--dashboard-name", "nope");
        assertTrue(missing.exit() != 0, missing.out());
        assertTrue(missing.err().contains("DashboardNotFoundError")
                && missing.err().contains("Dashboard nope does not exist"), missing.err());

        AwsCli.Result unimplemented = v1.run("cloudwatch", "describe-alarms");
        assertTrue(unimplemented.exit() != 0, unimplemented.out());
        assertTrue(unimplemented.err().contains("not implemented in Hangar: cloudwatch:DescribeAlarms"),
                unimplemented.err());
    }
}
