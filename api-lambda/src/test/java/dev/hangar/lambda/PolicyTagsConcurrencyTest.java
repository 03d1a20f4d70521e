package dev.hangar.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.lambda.invoke.FunctionInvoker;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AddPermissionResponse;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;

import java.util.HashMap;
import java.util.Map;

import static dev.hangar.lambda.LambdaTestData.arn;
import static dev.hangar.lambda.LambdaTestData.assertAwsError;
import static dev.hangar.lambda.LambdaTestData.configuration;
import static dev.hangar.lambda.LambdaTestData.createActive;
import static dev.hangar.lambda.LambdaTestData.handlerZip;
import static dev.hangar.lambda.LambdaTestData.uniqueName;
import static dev.hangar.lambda.LambdaTestData.zipFunction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resource policies, tags, reserved concurrency and the account's unreserved pool. */
class PolicyTagsConcurrencyTest {

    /** Stands in for the invocation side, recording what the control plane hands over. */
    static final RecordingInvoker invoker = new RecordingInvoker();
    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LambdaService::new).fakeRuntime()
            .port(FunctionInvoker.class, invoker).build();
    static LambdaClient client;

    @BeforeAll
    static void client() {
        client = hangar.client(LambdaClient.class);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void permissionsBuildAwsPolicyDocuments() throws Exception {
        String name = uniqueName("perm");
        createActive(client, name);
        assertAwsError(404, "ResourceNotFoundException", "The resource you requested does not exist.",
                () -> client.getPolicy(b -> b.functionName(name)));

        AddPermissionResponse added = client.addPermission(b -> b.functionName(name).statementId("s3-invoke")
                .action("lambda:InvokeFunction").principal("s3.amazonaws.com")
                .sourceArn("arn:aws:s3:::my-bucket").sourceAccount("123456789012"));
        JsonNode statement = JSON.readTree(added.statement());
        assertEquals("s3-invoke", statement.get("Sid").asText());
        assertEquals("Allow", statement.get("Effect").asText());
        assertEquals("s3.amazonaws.com", statement.get("Principal").get("Service").asText());
        assertEquals("lambda:InvokeFunction", statement.get("Action").asText());
        assertEquals(arn(name), statement.get("Resource").asText());
        assertEquals("arn:aws:s3:::my-bucket", statement.get("Condition").get("ArnLike").get("AWS:SourceArn").asText());
        assertEquals("123456789012",
                statement.get("Condition").get("StringEquals").get("AWS:SourceAccount").asText());

        client.addPermission(b -> b.functionName(name).statementId("acct").action("lambda:GetFunction")
                .principal("111122223333"));
        GetPolicyResponse policy = client.getPolicy(b -> b.functionName(name));
        JsonNode doc = JSON.readTree(policy.policy());
        assertEquals("2012-10-17", doc.get("Version").asText());
        assertEquals("default", doc.get("Id").asText());
        assertEquals(2, doc.get("Statement").size());
        assertEquals("arn:aws:iam::111122223333:root", doc.get("Statement").get(1).get("Principal").get("AWS").asText());
        assertEquals(configuration(client, name).revisionId(), policy.revisionId());

        assertAwsError(409, "ResourceConflictException", "The statement id (s3-invoke) provided already exists. "
                + "Please provide a new statement id, or remove the existing statement.",
                () -> client.addPermission(b -> b.functionName(name).statementId("s3-invoke")
                        .action("lambda:InvokeFunction").principal("sns.amazonaws.com")));
        assertAwsError(400, "ValidationException", "1 validation error detected: Value 'bad id' at 'statementId' "
                + "failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)",
                () -> client.addPermission(b -> b.functionName(name).statementId("bad id")
                        .action("lambda:InvokeFunction").principal("sns.amazonaws.com")));

        client.removePermission(b -> b.functionName(name).statementId("s3-invoke"));
        assertAwsError(404, "ResourceNotFoundException", "Statement s3-invoke is not found in resource policy.",
                () -> client.removePermission(b -> b.functionName(name).statementId("s3-invoke")));
        client.removePermission(b -> b.functionName(name).statementId("acct"));
        assertAwsError(404, "ResourceNotFoundException", "The resource you requested does not exist.",
                () -> client.getPolicy(b -> b.functionName(name)));
        assertAwsError(404, "ResourceNotFoundException", "No policy is associated with the given resource.",
                () -> client.removePermission(b -> b.functionName(name).statementId("acct")));
    }

    @Test
    void permissionsOnVersionsAreTheirOwn() throws Exception {
        String name = uniqueName("permv");
        createActive(client, name);
        client.publishVersion(b -> b.functionName(name));
        client.addPermission(b -> b.functionName(name).qualifier("1").statementId("v1").action("lambda:InvokeFunction")
                .principal("*"));
        JsonNode doc = JSON.readTree(client.getPolicy(b -> b.functionName(name).qualifier("1")).policy());
        assertEquals(arn(name) + ":1", doc.get("Statement").get(0).get("Resource").asText());
        assertEquals("*", doc.get("Statement").get(0).get("Principal").asText());
        assertAwsError(404, "ResourceNotFoundException", "The resource you requested does not exist.",
                () -> client.getPolicy(b -> b.functionName(name)));
        assertAwsError(400, "InvalidParameterValueException", "We currently do not support adding policies for $LATEST.",
                () -> client.addPermission(b -> b.functionName(name).qualifier("$LATEST").statementId("x")
                        .action("lambda:InvokeFunction").principal("*")));
        assertAwsError(404, "ResourceNotFoundException", "Function not found: " + arn(name) + ":9",
                () -> client.addPermission(b -> b.functionName(name).qualifier("9").statementId("x")
                        .action("lambda:InvokeFunction").principal("*")));
    }

    @Test
    void tagsAddListAndRemove() {
        String name = uniqueName("tags");
        client.createFunction(zipFunction(name, handlerZip()).tags(Map.of("a", "1")).build());
        client.tagResource(b -> b.resource(arn(name)).tags(Map.of("b", "2", "a", "3")));
        assertEquals(Map.of("a", "3", "b", "2"), client.listTags(b -> b.resource(arn(name))).tags());
        client.untagResource(b -> b.resource(arn(name)).tagKeys("a"));
        assertEquals(Map.of("b", "2"), client.listTags(b -> b.resource(arn(name))).tags());

        assertAwsError(400, "InvalidParameterValueException", "Tagging operations are permitted on Lambda functions "
                + "only. Tags on aliases and versions are not supported. Please specify either a function name or a "
                + "function ARN.", () -> client.tagResource(b -> b.resource(arn(name) + ":1").tags(Map.of("x", "y"))));
        assertAwsError(400, "ValidationException", null,
                () -> client.listTags(b -> b.resource("not-an-arn")));
        assertAwsError(404, "ResourceNotFoundException", "Function not found: " + arn("ghost"),
                () -> client.listTags(b -> b.resource(arn("ghost"))));
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            many.put("k" + i, "v");
        }
        assertAwsError(400, "InvalidParameterValueException", "Number of tags exceeds function tag limit.",
                () -> client.tagResource(b -> b.resource(arn(name)).tags(many)));
    }

    @Test
    void reservedConcurrencyKeepsOneHundredUnreserved() {
        String a = uniqueName("conc");
        String b2 = uniqueName("conc");
        createActive(client, a);
        createActive(client, b2);
        int unreservedBefore = client.getAccountSettings(r -> { }).accountLimit().unreservedConcurrentExecutions();

        invoker.retired.clear();
        assertEquals(100, client.putFunctionConcurrency(r -> r.functionName(a).reservedConcurrentExecutions(100))
                .reservedConcurrentExecutions());
        assertTrue(invoker.retired.contains(new RecordingInvoker.Retire(arn(a), "$LATEST")));
        assertEquals(100, client.getFunctionConcurrency(r -> r.functionName(a)).reservedConcurrentExecutions());
        assertEquals(100, client.getFunction(r -> r.functionName(a)).concurrency().reservedConcurrentExecutions());
        assertEquals(unreservedBefore - 100,
                client.getAccountSettings(r -> { }).accountLimit().unreservedConcurrentExecutions());

        int tooMuch = unreservedBefore - 100 - 99;
        assertAwsError(400, "InvalidParameterValueException", "Specified ReservedConcurrentExecutions for function "
                + "decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
                () -> client.putFunctionConcurrency(r -> r.functionName(b2).reservedConcurrentExecutions(tooMuch)));
        // raising a's own reservation counts a's old reservation out first
        client.putFunctionConcurrency(r -> r.functionName(a).reservedConcurrentExecutions(unreservedBefore - 100));

        client.deleteFunctionConcurrency(r -> r.functionName(a));
        assertNull(client.getFunctionConcurrency(r -> r.functionName(a)).reservedConcurrentExecutions());
        assertEquals(unreservedBefore, client.getAccountSettings(r -> { }).accountLimit().unreservedConcurrentExecutions());
        assertAwsError(404, "ResourceNotFoundException", "Function not found: " + arn("ghost"),
                () -> client.putFunctionConcurrency(r -> r.functionName("ghost").reservedConcurrentExecutions(1)));
        assertAwsError(400, "InvalidParameterValueException", null,
                () -> client.putFunctionConcurrency(r -> r.functionName(a + ":1").reservedConcurrentExecutions(1)));
    }
}
