package dev.hangar.core.protocol;

import dev.hangar.core.protocol.facts.CloudWatchFacts;
import dev.hangar.core.protocol.facts.Ec2Facts;
import dev.hangar.core.protocol.facts.Elbv2Facts;
import dev.hangar.core.protocol.facts.IamFacts;
import dev.hangar.core.protocol.facts.StsFacts;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.service.ServiceFacts;
import dev.hangar.testsupport.ServiceFactsCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.apprunner.AppRunnerClient;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The generated facts of every service the codecs are proven on match the SDK for Java on the test classpath
 * (operation and member names, one line per operation). The facts generated for services whose codecs are still
 * coming (IAM, STS, ELBv2, EC2, CloudWatch) are checked as soon as their SDK client is on the classpath, and skipped
 * until then.
 */
class ServiceFactsTest {

    @TestFactory
    Stream<DynamicTest> codecTestServicesCarryFactsMatchingTheirSdk() {
        return TestServices.ALL.stream().map(service -> DynamicTest.dynamicTest(service.name(),
                () -> ServiceFactsCheck.assertMatches(service)));
    }

    @Test
    void theCheckFindsMisspeltMembersUnknownOperationsAndMissingLines() {
        ServiceDescriptor wrong = ServiceDescriptor.builder("apprunner").protocols(Protocol.AWS_JSON_1_0)
                .targetPrefix("AppRunner").sdkClient(AppRunnerClient.class).facts(ServiceFacts.of("""
                        DeleteService 200 serviceArn
                        DescribeService 99 ServiceArn
                        ListServices 200
                        ResumeServices 200 ServiceArn
                        """)).build();
        List<String> problems = ServiceFactsCheck.problems(wrong);
        assertEquals("DeleteService: required member serviceArn is not a member of DeleteServiceRequest [ServiceArn]",
                problems.get(0));
        assertEquals("DescribeService: success status 99 is not a 2xx", problems.get(1));
        assertEquals("ResumeServices: no such operation in AppRunnerClient", problems.get(2));
        assertTrue(problems.contains("CreateService: an operation of AppRunnerClient the facts do not name"),
                problems.toString());
        assertEquals(3 + 37 - 3, problems.size(), problems.toString());
    }

    @TestFactory
    Stream<DynamicTest> factsForCodecsToComeMatchTheirSdkOnceItIsHere() {
        record Pending(String name, Protocol protocol, String client, ServiceFacts facts) {
        }
        return List.of(
                new Pending("iam", Protocol.AWS_QUERY, "software.amazon.awssdk.services.iam.IamClient", IamFacts.FACTS),
                new Pending("sts", Protocol.AWS_QUERY, "software.amazon.awssdk.services.sts.StsClient", StsFacts.FACTS),
                new Pending("elasticloadbalancing", Protocol.AWS_QUERY,
                        "software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client",
                        Elbv2Facts.FACTS),
                new Pending("ec2", Protocol.EC2_QUERY, "software.amazon.awssdk.services.ec2.Ec2Client", Ec2Facts.FACTS),
                new Pending("monitoring", Protocol.AWS_QUERY,
                        "software.amazon.awssdk.services.cloudwatch.CloudWatchClient", CloudWatchFacts.FACTS)
        ).stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            Class<?> client = load(p.client());
            assumeTrue(client != null, p.client() + " is not on emulator-core's test classpath yet");
            ServiceFactsCheck.assertMatches(ServiceDescriptor.builder(p.name()).protocols(p.protocol())
                    .sdkClient(client).facts(p.facts()).build());
        }));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ServiceFactsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
