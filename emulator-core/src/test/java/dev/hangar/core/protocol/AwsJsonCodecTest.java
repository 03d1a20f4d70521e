package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.AwsException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsJsonCodecTest {

    private static final String PREFIX = "AmazonEC2ContainerServiceV20141113.";
    private final ServiceModel ecs = ServiceModel.of(TestServices.ECS);
    private final ProtocolCodec codec = Codecs.forProtocol(TestServices.ECS.protocol());

    private SdkPojo read(String operation, String body) {
        AwsHttpRequest request = Requests.awsJson(PREFIX + operation, body);
        return codec.readRequest(codec.resolve(ecs, request), request);
    }

    private AwsException readFails(String operation, String body) {
        return assertThrows(AwsException.class, () -> read(operation, body));
    }

    @Test
    void oneCodecPerProtocol() {
        assertSame(codec, Codecs.forProtocol(TestServices.ECS.protocol()));
        assertEquals("/", ecs.operation("RunTask").http().requestUri());
        assertEquals(PREFIX + "RunTask", ecs.operation("RunTask").http().operationIdentifier());
    }

    @Test
    void emptyBodiesAndNullsAndUnknownMembersAreFine() {
        assertEquals(ListClustersRequest.builder().build(), read("ListClusters", ""));
        assertEquals(ListClustersRequest.builder().build(), read("ListClusters", "{}"));
        assertEquals(ListClustersRequest.builder().maxResults(5).build(),
                read("ListClusters", "{\"maxResults\":5,\"nextToken\":null,\"somethingNew\":{\"a\":[1,2,{}]}}"));
    }

    @Test
    void enumsTravelAsStringsSoUnknownValuesSurvive() {
        RunTaskRequest request = (RunTaskRequest) read("RunTask",
                "{\"taskDefinition\":\"web:1\",\"launchType\":\"SPACESHIP\"}");
        assertEquals("SPACESHIP", request.launchTypeAsString());
    }

    @Test
    void malformedJsonIsASerializationException() {
        AwsException error = readFails("RunTask", "{\"taskDefinition\": ");
        assertEquals("SerializationException", error.code());
        assertEquals(400, error.status());
        assertTrue(error.getMessage().contains("line 1"), error.getMessage());
        assertEquals("SerializationException", readFails("RunTask", "[1]").code());
        assertEquals("SerializationException", readFails("RunTask", "{} {}").code());
    }

    @Test
    void wrongMemberTypesNameTheMember() {
        AwsException error = readFails("RunTask", "{\"taskDefinition\":\"x\",\"count\":\"three\"}");
        assertEquals("SerializationException", error.code());
        assertEquals("STRING_VALUE can not be converted to an Integer (at 'count')", error.getMessage());

        AwsException nested = readFails("RunTask", "{\"taskDefinition\":\"x\",\"overrides\":{\"containerOverrides\":"
                + "[{\"name\":\"a\"},{\"cpu\":true}]}}");
        assertEquals("BOOLEAN_VALUE can not be converted to an Integer (at 'overrides.containerOverrides[1].cpu')",
                nested.getMessage());

        AwsException structure = readFails("RunTask", "{\"taskDefinition\":{\"a\":1}}");
        assertTrue(structure.getMessage().startsWith("Start of structure or map found where not expected"));
        AwsException range = readFails("RunTask", "{\"taskDefinition\":\"x\",\"count\":99999999999}");
        assertTrue(range.getMessage().contains("out of range"), range.getMessage());
    }

    @Test
    void missingRequiredMembersAreValidationErrors() {
        AwsException one = readFails("RunTask", "{}");
        assertEquals("ValidationException", one.code());
        assertEquals("1 validation error detected: Value null at 'taskDefinition' failed to satisfy constraint: "
                + "Member must not be null", one.getMessage());

        AwsException two = readFails("RegisterTaskDefinition", "{}");
        assertEquals("2 validation errors detected: Value null at 'family' failed to satisfy constraint: Member must "
                + "not be null; Value null at 'containerDefinitions' failed to satisfy constraint: Member must not be "
                + "null", two.getMessage());
    }

    @Test
    void unknownOrMissingTargetsAreUnknownOperations() {
        for (String target : new String[] {PREFIX + "Nope", "Other_20140328.RunTask", "RunTask", "", null}) {
            AwsException error = assertThrows(AwsException.class,
                    () -> codec.resolve(ecs, Requests.awsJson(target, "{}")), String.valueOf(target));
            assertEquals("UnknownOperationException", error.code());
            assertEquals(400, error.status());
        }
    }

    @Test
    void responsesAreJsonWithEpochSecondTimestampsAndNoUnsetLists() {
        AwsHttpResponse response = codec.writeResponse(ecs.operation("DescribeTasks"), DescribeTasksResponse.builder()
                .tasks(Task.builder().taskArn("arn").createdAt(Instant.ofEpochMilli(1_700_000_000_120L))
                        .startedAt(Instant.ofEpochSecond(1_700_000_001L)).build()).build(), "test-request");
        assertEquals(200, response.status());
        assertEquals("application/x-amz-json-1.1", response.headers().get("Content-Type"));
        assertEquals("{\"tasks\":[{\"createdAt\":1700000000.12,\"startedAt\":1700000001,\"taskArn\":\"arn\"}]}",
                body(response));

        assertEquals("{}", body(codec.writeResponse(ecs.operation("ListClusters"), ListClustersResponse.builder()
                .build(), "test-request")));
        assertEquals("{\"clusterArns\":[]}", body(codec.writeResponse(ecs.operation("ListClusters"),
                ListClustersResponse.builder().clusterArns(List.of()).build(), "test-request")));
    }

    @Test
    void errorsCarryTypeMessageAndHeader() {
        AwsHttpResponse response = codec.writeError(ecs,
                ClusterNotFoundException.builder().message("Cluster not found.").build(), "test-request");
        assertEquals(400, response.status());
        assertEquals("ClusterNotFoundException", response.headers().get("X-Amzn-ErrorType"));
        assertEquals("{\"__type\":\"ClusterNotFoundException\",\"message\":\"Cluster not found.\"}", body(response));

        AwsHttpResponse crash = codec.writeError(ecs, new java.util.concurrent.CompletionException(
                new NullPointerException("x is null")), "test-request");
        assertEquals(500, crash.status());
        assertEquals("{\"__type\":\"InternalFailure\",\"message\":\"Hangar internal error: "
                + "java.lang.NullPointerException: x is null\"}", body(crash));
        assertFalse(body(crash).contains("\tat "));
    }

    private static String body(AwsHttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
