package dev.hangar.core.routing;

import dev.hangar.core.http.AwsHttpRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ServiceResolverTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    /** Counts the Action look-ups, to show they happen only on a tie. */
    private final AtomicInteger actionAsked = new AtomicInteger();

    private ServiceResolver.Route<String> query(String name, String signingName, String version, String... actions) {
        Set<String> known = Set.of(actions);
        return new ServiceResolver.Route<>(name, signingName, null, List.of(), version, action -> {
            actionAsked.incrementAndGet();
            return known.contains(action);
        });
    }

    private ServiceResolver<String> resolver() {
        return new ServiceResolver<>(List.of(
                new ServiceResolver.Route<>("ecs", "ecs", "AmazonEC2ContainerServiceV20141113", List.of()),
                new ServiceResolver.Route<>("apigateway", "apigateway", null, List.of("/restapis")),
                new ServiceResolver.Route<>("apigatewayv2", "apigateway", null, List.of("/v2/")),
                query("elb", "elasticloadbalancing", "2012-06-01", "DescribeLoadBalancers"),
                query("elbv2", "elasticloadbalancing", "2015-12-01", "DescribeLoadBalancers"),
                query("sts", "sts", "2011-06-15", "AssumeRoleWithWebIdentity", "GetCallerIdentity"),
                query("iam", "iam", "2010-05-08", "ListUsers"),
                query("rds", "rds", "2014-10-31", "DescribeDBInstances"),
                query("neptune", "neptune-db", "2014-10-31", "DescribeDBInstances", "DescribeDBClusterEndpoints")));
    }

    private static AwsHttpRequest form(String body, String... headerPairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", FORM);
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        return new AwsHttpRequest("POST", "/", "", Map.of(), headers, body.getBytes(StandardCharsets.UTF_8),
                "127.0.0.1");
    }

    private static AwsHttpRequest get(Map<String, List<String>> query) {
        return new AwsHttpRequest("GET", "/", "", query, Map.of(), new byte[0], "127.0.0.1");
    }

    private static CredentialScope signed(String service) {
        return new CredentialScope("AKIDEXAMPLE", "us-east-1", service);
    }

    @Test
    void elbAndElbv2ShareASigningNameAndAreToldApartByVersion() {
        ServiceResolver<String> resolver = resolver();
        assertEquals("elbv2", resolver.resolve(form("Action=DescribeLoadBalancers&Version=2015-12-01"),
                signed("elasticloadbalancing")));
        assertEquals("elb", resolver.resolve(form("Action=DescribeLoadBalancers&Version=2012-06-01"),
                signed("elasticloadbalancing")));
        // the Version may come first, or percent-encoded, or in the URL of a GET
        assertEquals("elbv2", resolver.resolve(form("Version=2015%2D12%2D01&Action=DescribeLoadBalancers"),
                signed("elasticloadbalancing")));
        assertEquals("elbv2", resolver.resolve(get(Map.of("Action", List.of("DescribeLoadBalancers"),
                "Version", List.of("2015-12-01"))), signed("elasticloadbalancing")));
    }

    @Test
    void withoutAKnownVersionTheFirstRegisteredOfASigningNameAnswers() {
        ServiceResolver<String> resolver = resolver();
        assertEquals("elb", resolver.resolve(form("Action=DescribeLoadBalancers"), signed("elasticloadbalancing")));
        assertEquals("elb", resolver.resolve(form("Action=DescribeLoadBalancers&Version=2099-01-01"),
                signed("elasticloadbalancing")));
    }

    @Test
    void unsignedQueryRequestsGoToTheServiceOfTheirVersion() {
        ServiceResolver<String> resolver = resolver();
        assertEquals("sts", resolver.resolve(form("Action=AssumeRoleWithWebIdentity&Version=2011-06-15"
                + "&RoleArn=arn%3Aaws%3Aiam%3A%3A000000000000%3Arole%2Fr&WebIdentityToken=t"), null));
        assertEquals("sts", resolver.resolve(form("Action=AssumeRoleWithSAML&Version=2011-06-15"), null));
        assertEquals("iam", resolver.resolve(get(Map.of("Action", List.of("ListUsers"),
                "Version", List.of("2010-05-08"))), null));
        assertNull(resolver.resolve(form("Action=ListQueues&Version=2012-11-05"), null));
        assertEquals(0, actionAsked.get(), "one service per Version: the Action is not needed");
    }

    @Test
    void servicesOfOneVersionAreToldApartByTheirActionsInRegistrationOrder() {
        ServiceResolver<String> resolver = resolver();
        assertEquals("neptune", resolver.resolve(form("Action=DescribeDBClusterEndpoints&Version=2014-10-31"), null));
        assertEquals("rds", resolver.resolve(form("Action=DescribeDBInstances&Version=2014-10-31"), null));
        assertEquals("rds", resolver.resolve(form("Action=Unknown&Version=2014-10-31"), null));
        for (int i = 0; i < 3; i++) {
            assertEquals("neptune", resolver.resolve(form("Version=2014-10-31&Action=DescribeDBClusterEndpoints"),
                    null), "deterministic");
        }
    }

    @Test
    void otherRequestsAreRoutedAsBeforeAndTheirBodiesAreNotRead() {
        ServiceResolver<String> resolver = resolver();
        // a JSON body that looks like a form is not one: only the content type says so
        AwsHttpRequest json = new AwsHttpRequest("POST", "/", "", Map.of(),
                Map.of("content-type", "application/x-amz-json-1.1",
                        "x-amz-target", "AmazonEC2ContainerServiceV20141113.ListClusters"),
                "Action=AssumeRoleWithWebIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        assertEquals("ecs", resolver.resolve(json, null));
        AwsHttpRequest unsignedJson = new AwsHttpRequest("POST", "/", "", Map.of(),
                Map.of("content-type", "application/json"),
                "Action=AssumeRoleWithWebIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        assertNull(resolver.resolve(unsignedJson, null));
        AwsHttpRequest rest = new AwsHttpRequest("GET", "/v2/apis", "", Map.of(), Map.of(), new byte[0], "127.0.0.1");
        assertEquals("apigatewayv2", resolver.resolve(rest, signed("apigateway")));
        assertEquals("apigateway", resolver.resolve(new AwsHttpRequest("GET", "/restapis", "", Map.of(), Map.of(),
                new byte[0], "127.0.0.1"), signed("apigateway")));
        // the signing name still decides first: a form signed for IAM is IAM's, whatever its Version
        assertEquals("iam", resolver.resolve(form("Action=GetCallerIdentity&Version=2011-06-15"), signed("iam")));
    }
}
