package dev.hangar.core.protocol;

import dev.hangar.core.protocol.facts.ApiGatewayFacts;
import dev.hangar.core.protocol.facts.ApiGatewayV2Facts;
import dev.hangar.core.protocol.facts.AppRunnerFacts;
import dev.hangar.core.protocol.facts.CloudWatchFacts;
import dev.hangar.core.protocol.facts.EcsFacts;
import dev.hangar.core.protocol.facts.EksFacts;
import dev.hangar.core.protocol.facts.Ec2Facts;
import dev.hangar.core.protocol.facts.Elbv2Facts;
import dev.hangar.core.protocol.facts.IamFacts;
import dev.hangar.core.protocol.facts.LambdaFacts;
import dev.hangar.core.protocol.facts.StsFacts;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceDescriptor;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apprunner.AppRunnerClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.List;
import java.util.Map;

/**
 * The services the codecs are proven on, described as Hangar's api modules will describe them, each with the facts
 * generated for it into {@code dev.hangar.core.protocol.facts}.
 */
final class TestServices {

    static final ServiceDescriptor ECS = ServiceDescriptor.builder("ecs").protocols(Protocol.AWS_JSON_1_1)
            .targetPrefix("AmazonEC2ContainerServiceV20141113").sdkClient(EcsClient.class).facts(EcsFacts.FACTS).build();
    static final ServiceDescriptor APPRUNNER = ServiceDescriptor.builder("apprunner").protocols(Protocol.AWS_JSON_1_0)
            .targetPrefix("AppRunner").sdkClient(AppRunnerClient.class).facts(AppRunnerFacts.FACTS).build();
    /**
     * Described as api-lambda describes it: its own wording for unreadable bodies, and error bodies that say who is at
     * fault in "Type" (the codec tests prove these mechanisms on it).
     */
    static final ServiceDescriptor LAMBDA = ServiceDescriptor.builder("lambda").protocols(Protocol.REST_JSON_1)
            .sdkClient(LambdaClient.class).facts(LambdaFacts.FACTS).pathPrefixes("/2015-03-31/", "/2018-10-31/", "/2019-09-25/",
                    "/2019-09-30/", "/2020-04-22/", "/2020-06-30/", "/2021-10-31/", "/2017-03-31/")
            .requestErrors(detail -> new AwsException("InvalidRequestContentException", 400, true,
                    "Could not parse request body into json: Could not parse payload into json: " + detail,
                    Map.of("Type", "User")))
            .faultTypeMember("Type").build();
    static final ServiceDescriptor EKS = ServiceDescriptor.builder("eks").protocols(Protocol.REST_JSON_1)
            .sdkClient(EksClient.class).facts(EksFacts.FACTS)
            .pathPrefixes("/clusters", "/addons", "/eks-anywhere-subscriptions").build();
    static final ServiceDescriptor APIGATEWAY = ServiceDescriptor.builder("apigateway")
            .protocols(Protocol.REST_JSON_1).sdkClient(ApiGatewayClient.class).facts(ApiGatewayFacts.FACTS)
            .pathPrefixes("/restapis", "/apikeys", "/usageplans", "/domainnames").build();
    static final ServiceDescriptor APIGATEWAYV2 = ServiceDescriptor.builder("apigatewayv2").signingName("apigateway")
            .protocols(Protocol.REST_JSON_1).sdkClient(ApiGatewayV2Client.class).facts(ApiGatewayV2Facts.FACTS)
            .pathPrefixes("/v2/").build();

    /** The query services, with the API versions and namespaces of their AWS API references. */
    static final ServiceDescriptor IAM = ServiceDescriptor.builder("iam").protocols(Protocol.AWS_QUERY)
            .apiVersion("2010-05-08").xmlNamespace("https://iam.amazonaws.com/doc/2010-05-08/")
            .sdkClient(IamClient.class).facts(IamFacts.FACTS).build();
    static final ServiceDescriptor STS = ServiceDescriptor.builder("sts").protocols(Protocol.AWS_QUERY)
            .apiVersion("2011-06-15").xmlNamespace("https://sts.amazonaws.com/doc/2011-06-15/")
            .sdkClient(StsClient.class).facts(StsFacts.FACTS).build();
    static final ServiceDescriptor ELBV2 = ServiceDescriptor.builder("elasticloadbalancingv2")
            .signingName("elasticloadbalancing").protocols(Protocol.AWS_QUERY).apiVersion("2015-12-01")
            .xmlNamespace("http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/")
            .sdkClient(ElasticLoadBalancingV2Client.class).facts(Elbv2Facts.FACTS).build();
    static final ServiceDescriptor EC2 = ServiceDescriptor.builder("ec2").protocols(Protocol.EC2_QUERY)
            .apiVersion("2016-11-15").xmlNamespace("http://ec2.amazonaws.com/doc/2016-11-15/")
            .sdkClient(Ec2Client.class).facts(Ec2Facts.FACTS).build();

    /** Served in rpcv2Cbor (what the SDK speaks), awsJson 1.0 (the AWS CLI v1) and awsQuery (the CLI v2 here). */
    static final ServiceDescriptor CLOUDWATCH = ServiceDescriptor.builder("cloudwatch").signingName("monitoring")
            .protocols(Protocol.RPC_V2_CBOR, Protocol.AWS_JSON_1_0, Protocol.AWS_QUERY)
            .targetPrefix("GraniteServiceVersion20100801").apiVersion("2010-08-01")
            .xmlNamespace("http://monitoring.amazonaws.com/doc/2010-08-01/")
            .sdkClient(CloudWatchClient.class).facts(CloudWatchFacts.FACTS).build();

    static final List<ServiceDescriptor> ALL = List.of(ECS, LAMBDA, EKS, APIGATEWAY, APIGATEWAYV2, APPRUNNER, IAM, STS,
            ELBV2, EC2, CLOUDWATCH);

    private TestServices() {
    }
}
