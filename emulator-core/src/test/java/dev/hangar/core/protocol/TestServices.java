package dev.hangar.core.protocol;

import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceDescriptor;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apprunner.AppRunnerClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.util.List;
import java.util.Map;

/** The services the codecs are proven on, described as Hangar's api modules will describe them. */
final class TestServices {

    static final ServiceDescriptor ECS = ServiceDescriptor.builder("ecs").protocols(Protocol.AWS_JSON_1_1)
            .targetPrefix("AmazonEC2ContainerServiceV20141113").sdkClient(EcsClient.class).build();
    static final ServiceDescriptor APPRUNNER = ServiceDescriptor.builder("apprunner").protocols(Protocol.AWS_JSON_1_0)
            .targetPrefix("AppRunner").sdkClient(AppRunnerClient.class).build();
    /**
     * Described as api-lambda describes it: its own wording for unreadable bodies, and error bodies that say who is at
     * fault in "Type" (the codec tests prove these mechanisms on it).
     */
    static final ServiceDescriptor LAMBDA = ServiceDescriptor.builder("lambda").protocols(Protocol.REST_JSON_1)
            .sdkClient(LambdaClient.class).pathPrefixes("/2015-03-31/", "/2018-10-31/", "/2019-09-25/",
                    "/2019-09-30/", "/2020-04-22/", "/2020-06-30/", "/2021-10-31/", "/2017-03-31/")
            .requestErrors(detail -> new AwsException("InvalidRequestContentException", 400, true,
                    "Could not parse request body into json: Could not parse payload into json: " + detail,
                    Map.of("Type", "User")))
            .faultTypeMember("Type").build();
    static final ServiceDescriptor EKS = ServiceDescriptor.builder("eks").protocols(Protocol.REST_JSON_1)
            .sdkClient(EksClient.class).pathPrefixes("/clusters", "/addons", "/eks-anywhere-subscriptions").build();
    static final ServiceDescriptor APIGATEWAY = ServiceDescriptor.builder("apigateway")
            .protocols(Protocol.REST_JSON_1).sdkClient(ApiGatewayClient.class)
            .pathPrefixes("/restapis", "/apikeys", "/usageplans", "/domainnames").build();
    static final ServiceDescriptor APIGATEWAYV2 = ServiceDescriptor.builder("apigatewayv2").signingName("apigateway")
            .protocols(Protocol.REST_JSON_1).sdkClient(ApiGatewayV2Client.class).pathPrefixes("/v2/").build();

    /**
     * Served in rpcv2Cbor (what the SDK speaks), awsJson 1.0 and awsQuery (what the CLIs speak). awsQuery is left out
     * here until its codec exists: a descriptor naming a protocol without a codec cannot be bound.
     */
    static final ServiceDescriptor CLOUDWATCH = ServiceDescriptor.builder("cloudwatch").signingName("monitoring")
            .protocols(Protocol.RPC_V2_CBOR, Protocol.AWS_JSON_1_0).targetPrefix("GraniteServiceVersion20100801")
            .apiVersion("2010-08-01").xmlNamespace("http://monitoring.amazonaws.com/doc/2010-08-01/")
            .sdkClient(CloudWatchClient.class).build();

    static final List<ServiceDescriptor> ALL = List.of(ECS, LAMBDA, EKS, APIGATEWAY, APIGATEWAYV2, APPRUNNER,
            CLOUDWATCH);

    private TestServices() {
    }
}
