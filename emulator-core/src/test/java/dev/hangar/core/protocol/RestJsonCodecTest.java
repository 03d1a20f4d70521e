package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceDescriptor;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.eks.model.ListClustersRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestJsonCodecTest {

    private final ServiceModel lambda = ServiceModel.of(TestServices.LAMBDA);
    private final ServiceModel apigateway = ServiceModel.of(TestServices.APIGATEWAY);
    private final ServiceModel eks = ServiceModel.of(TestServices.EKS);
    private final ProtocolCodec codec = Codecs.forProtocol(TestServices.LAMBDA.protocol());

    private String route(ServiceModel service, String method, String target) {
        return codec.resolve(service, Requests.rest(method, target, null)).operation().name();
    }

    private SdkPojo read(ServiceModel service, AwsHttpRequest request) {
        return codec.readRequest(codec.resolve(service, request), request);
    }

    @Test
    void bindingsComeFromTheSdk() {
        OperationModel invoke = lambda.operation("Invoke");
        assertEquals("POST", invoke.http().method());
        assertEquals("/2015-03-31/functions/{FunctionName}/invocations", invoke.http().requestUri());
        assertTrue(invoke.http().hasExplicitPayload());
        assertEquals(201, lambda.operation("CreateFunction").http().successStatus());
        assertEquals(204, lambda.operation("DeleteFunction").http().successStatus());
        assertEquals(202, apigateway.operation("DeleteRestApi").http().successStatus());
        assertEquals(200, eks.operation("CreateCluster").http().successStatus());
    }

    @Test
    void trailingSlashesAreTolerated() {
        assertEquals("ListFunctions", route(lambda, "GET", "/2015-03-31/functions"));
        assertEquals("ListFunctions", route(lambda, "GET", "/2015-03-31/functions/"));
        assertEquals("CreateEventSourceMapping", route(lambda, "POST", "/2015-03-31/event-source-mappings"));
        assertEquals("CreateEventSourceMapping", route(lambda, "POST", "/2015-03-31/event-source-mappings/"));
    }

    @Test
    void queryLiteralsPickTheOperation() {
        assertEquals("ImportRestApi", route(apigateway, "POST", "/restapis?mode=import"));
        assertEquals("CreateRestApi", route(apigateway, "POST", "/restapis"));
        assertEquals("ImportApiKeys", route(apigateway, "POST", "/apikeys?mode=import&format=csv"));
    }

    @Test
    void pathLabelsAreDecodedAndQueryAndHeadersRead() {
        GetFunctionConfigurationRequest request = (GetFunctionConfigurationRequest) read(lambda,
                Requests.rest("GET", "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A0%3Afunction%3Af%2Fx+y"
                        + "/configuration?Qualifier=%24LATEST", null));
        assertEquals("arn:aws:lambda:us-east-1:0:function:f/x+y", request.functionName());
        assertEquals("$LATEST", request.qualifier());

        ListClustersRequest clusters = (ListClustersRequest) read(eks,
                Requests.rest("GET", "/clusters?include=all&include=none&maxResults=7", null));
        assertEquals(List.of("all", "none"), clusters.include());
        assertEquals(7, clusters.maxResults());
    }

    @Test
    void anExplicitBlobPayloadIsTheRawBody() {
        InvokeRequest invoke = (InvokeRequest) read(lambda, Requests.rest("POST",
                "/2015-03-31/functions/f/invocations", "not json at all {",
                "X-Amz-Invocation-Type", "Event", "X-Amz-Log-Type", "Tail"));
        assertEquals("f", invoke.functionName());
        assertEquals(InvocationType.EVENT, invoke.invocationType());
        assertEquals("not json at all {", invoke.payload().asUtf8String());

        InvokeRequest empty = (InvokeRequest) read(lambda, Requests.rest("POST", "/2015-03-31/functions/f/invocations",
                ""));
        assertNull(empty.payload());
    }

    @Test
    void responsesUseStatusCodeMembersHeadersAndRawPayloads() {
        AwsHttpResponse invoked = codec.writeResponse(lambda.operation("Invoke"), InvokeResponse.builder()
                .statusCode(200).executedVersion("$LATEST").functionError("Unhandled")
                .payload(SdkBytes.fromUtf8String("{\"errorMessage\":\"x\"}")).build(), "test-request");
        assertEquals(200, invoked.status());
        assertEquals("$LATEST", invoked.headers().get("X-Amz-Executed-Version"));
        assertEquals("Unhandled", invoked.headers().get("X-Amz-Function-Error"));
        assertArrayEquals("{\"errorMessage\":\"x\"}".getBytes(StandardCharsets.UTF_8), invoked.body());

        AwsHttpResponse queued = codec.writeResponse(lambda.operation("Invoke"),
                InvokeResponse.builder().statusCode(202).build(), "test-request");
        assertEquals(202, queued.status());
        assertEquals(0, queued.body().length);

        assertEquals(201, codec.writeResponse(lambda.operation("CreateFunction"),
                CreateFunctionResponse.builder().functionName("f").build(), "test-request").status());
        AwsHttpResponse deleted = codec.writeResponse(lambda.operation("DeleteFunction"),
                DeleteFunctionResponse.builder().build(), "test-request");
        assertEquals(204, deleted.status());
        assertEquals(0, deleted.body().length);
    }

    @Test
    void unknownPathsAre404UnknownOperation() {
        AwsException error = assertThrows(AwsException.class, () -> route(lambda, "GET", "/x"));
        assertEquals("UnknownOperationException", error.code());
        assertEquals(404, error.status());
        assertEquals("The lambda API has no operation for GET /x", error.getMessage());
        assertThrows(AwsException.class, () -> route(lambda, "PATCH", "/2015-03-31/functions"));
        assertThrows(AwsException.class, () -> route(lambda, "GET", "/2015-03-31/functions//configuration"));
    }

    @Test
    void aServiceWordsUnreadableBodiesAsItsDescriptorSays() {
        AwsException malformed = assertThrows(AwsException.class, () -> read(lambda,
                Requests.rest("POST", "/2015-03-31/functions", "{\"FunctionName\":")));
        assertEquals("InvalidRequestContentException", malformed.code());
        assertEquals(400, malformed.status());
        assertTrue(malformed.getMessage().startsWith("Could not parse request body into json: "),
                malformed.getMessage());
        assertEquals("User", malformed.extraMembers().get("Type"));

        AwsException wrongType = assertThrows(AwsException.class, () -> read(lambda,
                Requests.rest("POST", "/2015-03-31/functions", "{\"FunctionName\":\"f\",\"Timeout\":\"abc\"}")));
        assertEquals("InvalidRequestContentException", wrongType.code());
        assertTrue(wrongType.getMessage().endsWith("STRING_VALUE can not be converted to an Integer (at 'Timeout')"),
                wrongType.getMessage());

        AwsException eksMalformed = assertThrows(AwsException.class, () -> read(eks,
                Requests.rest("POST", "/clusters", "nope")));
        assertEquals("SerializationException", eksMalformed.code());
    }

    @Test
    void theUnreadableBodyWordingCanBeOverriddenPerService() {
        ServiceModel custom = ServiceModel.of(ServiceDescriptor.builder("eks").protocols(Protocol.REST_JSON_1)
                .sdkClient(software.amazon.awssdk.services.eks.EksClient.class).requestErrors(detail ->
                        new AwsException("BadRequestException", 400, "bad body: " + detail)).build());
        AwsHttpRequest request = Requests.rest("POST", "/clusters", "nope");
        AwsException error = assertThrows(AwsException.class,
                () -> codec.readRequest(codec.resolve(custom, request), request));
        assertEquals("BadRequestException", error.code());
        assertTrue(error.getMessage().startsWith("bad body: "));
    }

    @Test
    void missingRequiredMembersAreValidationErrorsInModelOrder() {
        AwsException error = assertThrows(AwsException.class, () -> read(lambda,
                Requests.rest("POST", "/2015-03-31/functions", "{\"FunctionName\":\"f\"}")));
        assertEquals("ValidationException", error.code());
        assertEquals("2 validation errors detected: Value null at 'role' failed to satisfy constraint: Member must "
                + "not be null; Value null at 'code' failed to satisfy constraint: Member must not be null",
                error.getMessage());
    }

    @Test
    void errorsCarryStatusTypeHeaderAndModelledMembers() {
        AwsHttpResponse response = codec.writeError(lambda, TooManyRequestsException.builder()
                .message("Rate Exceeded.").reason("ReservedFunctionConcurrentInvocationLimitExceeded")
                .retryAfterSeconds("1").build(), "test-request");
        assertEquals(429, response.status());
        assertEquals("TooManyRequestsException", response.headers().get("X-Amzn-ErrorType"));
        assertEquals("1", response.headers().get("Retry-After"));
        assertEquals("{\"Type\":\"User\",\"message\":\"Rate Exceeded.\",\"Reason\":"
                + "\"ReservedFunctionConcurrentInvocationLimitExceeded\"}",
                new String(response.body(), StandardCharsets.UTF_8));

        AwsHttpResponse notImplemented = codec.writeError(lambda, AwsErrors.notImplemented("lambda", "Foo"), "test-request");
        assertEquals(501, notImplemented.status());
        AwsHttpResponse tooLarge = codec.writeError(lambda, new AwsException("RequestEntityTooLargeException", 413,
                true, "", Map.of("Message", "Request must be smaller than 6291456 bytes for the InvokeFunction "
                + "operation")), "test-request");
        assertEquals("{\"Message\":\"Request must be smaller than 6291456 bytes for the InvokeFunction operation\"}",
                new String(tooLarge.body(), StandardCharsets.UTF_8));
    }

    @Test
    void greedyLabelsTakeTheRestOfThePath() {
        OperationModel op = lambda.operation("Invoke");
        RestRoute route = new RestRoute(op, "GET", "/files/{Path+}/meta");
        assertEquals(Map.of("Path", "a/b c/d"), route.match(RestRoute.split("/files/a/b%20c/d/meta"), Map.of()));
        assertNull(route.match(RestRoute.split("/files/meta"), Map.of()));
        RestRoute tail = new RestRoute(op, "GET", "/{proxy+}");
        assertEquals(Map.of("proxy", "x/y"), tail.match(RestRoute.split("/x/y/"), Map.of()));
    }
}
