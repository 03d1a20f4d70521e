package dev.hangar.core.protocol;

import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceDescriptor;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apprunner.AppRunnerClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.util.List;

/** The services the codecs are proven on, described as Hangar's api modules will describe them. */
final class TestServices {

    static final ServiceDescriptor ECS = new ServiceDescriptor("ecs", "ecs", Protocol.AWS_JSON_1_1,
            "AmazonEC2ContainerServiceV20141113", EcsClient.class, List.of());
    static final ServiceDescriptor APPRUNNER = new ServiceDescriptor("apprunner", "apprunner", Protocol.AWS_JSON_1_0,
            "AppRunner", AppRunnerClient.class, List.of());
    static final ServiceDescriptor LAMBDA = new ServiceDescriptor("lambda", "lambda", Protocol.REST_JSON_1, null,
            LambdaClient.class, List.of("/2015-03-31/", "/2018-10-31/", "/2019-09-25/", "/2019-09-30/", "/2020-04-22/",
            "/2020-06-30/", "/2021-10-31/", "/2017-03-31/"));
    static final ServiceDescriptor EKS = new ServiceDescriptor("eks", "eks", Protocol.REST_JSON_1, null,
            EksClient.class, List.of("/clusters", "/addons", "/eks-anywhere-subscriptions"));
    static final ServiceDescriptor APIGATEWAY = new ServiceDescriptor("apigateway", "apigateway", Protocol.REST_JSON_1,
            null, ApiGatewayClient.class, List.of("/restapis", "/apikeys", "/usageplans", "/domainnames"));
    static final ServiceDescriptor APIGATEWAYV2 = new ServiceDescriptor("apigatewayv2", "apigateway",
            Protocol.REST_JSON_1, null, ApiGatewayV2Client.class, List.of("/v2/"));

    static final List<ServiceDescriptor> ALL = List.of(ECS, LAMBDA, EKS, APIGATEWAY, APIGATEWAYV2, APPRUNNER);

    private TestServices() {
    }
}
