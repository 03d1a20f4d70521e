package dev.hangar.lambda;

import dev.hangar.lambda.invoke.FunctionInvoker;
import dev.hangar.testsupport.Pages;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.hangar.lambda.LambdaTestData.arn;
import static dev.hangar.lambda.LambdaTestData.assertAwsError;
import static dev.hangar.lambda.LambdaTestData.awaitActive;
import static dev.hangar.lambda.LambdaTestData.createActive;
import static dev.hangar.lambda.LambdaTestData.handlerZip;
import static dev.hangar.lambda.LambdaTestData.uniqueName;
import static dev.hangar.lambda.LambdaTestData.zipFunction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lambda on the resource kit: markers bound to their request, and AWS's tag rules. */
class MarkersAndTagRulesTest {

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

    @Test
    void aMarkerWorksOnlyForTheListingItCameFrom() {
        String a = uniqueName("marker");
        createActive(client, a);
        client.publishVersion(r -> r.functionName(a));
        client.updateFunctionConfiguration(r -> r.functionName(a).description("changed"));
        awaitActive(client, a);
        assertEquals("2", client.publishVersion(r -> r.functionName(a)).version());
        String b = uniqueName("marker");
        createActive(client, b);

        String marker = client.listFunctions(r -> r.maxItems(1)).nextMarker();
        assertAwsError(400, "InvalidParameterValueException", "Invalid marker: " + marker,
                () -> client.listFunctions(r -> r.functionVersion("ALL").marker(marker)));
        assertAwsError(400, "InvalidParameterValueException", null,
                () -> client.listVersionsByFunction(r -> r.functionName(a).marker(marker))); // another operation
        assertAwsError(400, "InvalidParameterValueException", "Invalid marker: not-a-marker",
                () -> client.listFunctions(r -> r.marker("not-a-marker")));

        ListVersionsByFunctionResponse first = client.listVersionsByFunction(r -> r.functionName(a).maxItems(1));
        assertEquals("$LATEST", first.versions().get(0).version());
        assertAwsError(400, "InvalidParameterValueException", null,
                () -> client.listVersionsByFunction(r -> r.functionName(b).marker(first.nextMarker())));
        client.deleteFunction(r -> r.functionName(a).qualifier("1"));
        List<String> rest = Pages.after(first.nextMarker(), m -> client.listVersionsByFunction(r -> r
                .functionName(a).maxItems(1).marker(m)), ListVersionsByFunctionResponse::nextMarker,
                page -> page.versions().stream().map(FunctionConfiguration::version).toList());
        assertEquals(List.of("2"), rest, "version 1, named by the marker, was deleted: the listing goes on after it");

        assertAwsError(400, "ValidationException", "1 validation error detected: Value '0' at 'maxItems' failed to "
                + "satisfy constraint: Member must have value greater than or equal to 1",
                () -> client.listFunctions(r -> r.maxItems(0)));
        ListFunctionsResponse all = client.listFunctions(r -> r.maxItems(10000));
        assertTrue(all.functions().size() >= 2);
    }

    @Test
    void tagRulesWithLambdasErrors() {
        String name = uniqueName("tag-rules");
        createActive(client, name);
        var e = assertAwsError(400, "ValidationException", null,
                () -> client.tagResource(r -> r.resource(arn(name)).tags(Map.of("k", "v,"))));
        assertEquals("1 validation error detected: Value '{k=v,}' at 'tags' failed to satisfy constraint: Map value "
                + "must satisfy constraint: [Member must have length less than or equal to 256, Member must have length "
                + "greater than or equal to 0, Member must satisfy regular expression pattern: "
                + "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$]", e.awsErrorDetails().errorMessage());
        assertAwsError(400, "ValidationException", null,
                () -> client.tagResource(r -> r.resource(arn(name)).tags(Map.of("k".repeat(129), "v"))));
        assertAwsError(400, "InvalidParameterValueException", null,
                () -> client.tagResource(r -> r.resource(arn(name)).tags(Map.of("aws:lambda", "v"))));

        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        String crowded = uniqueName("crowded");
        assertAwsError(400, "InvalidParameterValueException", "Number of tags exceeds function tag limit.",
                () -> client.createFunction(zipFunction(crowded, handlerZip()).tags(many).build()));
        assertAwsError(404, "ResourceNotFoundException", null, () -> client.getFunction(r -> r.functionName(crowded)));
        assertTrue(client.listTags(r -> r.resource(arn(name))).tags().isEmpty(), "nothing refused is kept");
    }
}
