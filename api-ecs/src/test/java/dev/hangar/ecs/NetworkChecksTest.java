package dev.hangar.ecs;

import dev.hangar.core.port.NetworkPort;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.util.List;
import java.util.Optional;

import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** awsvpc networkConfiguration checked against the account's network (EC2's NetworkPort, here a small one). */
class NetworkChecksTest {

    /** One VPC with one subnet and its default group, as EC2's default VPC has (with fewer zones). */
    static final NetworkPort NETWORK = new NetworkPort() {
        @Override
        public Vpc defaultVpc(String account, String region) {
            return new Vpc("vpc-0123456789abcdef0", "172.31.0.0/16", true);
        }

        @Override
        public Optional<Subnet> subnet(String account, String region, String subnetId) {
            return subnetId.equals("subnet-aaaaaaaaaaaaaaaaa") ? Optional.of(new Subnet(subnetId,
                    "vpc-0123456789abcdef0", "172.31.0.0/20", region + "a", "use1-az1", true)) : Optional.empty();
        }

        @Override
        public List<Subnet> subnets(String account, String region, String vpcId) {
            return List.of(subnet(account, region, "subnet-aaaaaaaaaaaaaaaaa").orElseThrow());
        }

        @Override
        public Optional<SecurityGroup> securityGroup(String account, String region, String groupId) {
            return groupId.equals("sg-bbbbbbbbbbbbbbbbb")
                    ? Optional.of(new SecurityGroup(groupId, "default", "vpc-0123456789abcdef0")) : Optional.empty();
        }
    };

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime()
            .port(NetworkPort.class, NETWORK).build();
    static EcsClient client;

    @BeforeAll
    static void setUp() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName("net"));
        client.registerTaskDefinition(b -> b.family("vpc").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE").cpu("256").memory("512")
                .containerDefinitions(container("app", "img/app").memory(null).build()));
    }

    private static NetworkConfiguration network(List<String> subnets, List<String> groups, AssignPublicIp ip) {
        return NetworkConfiguration.builder().awsvpcConfiguration(a -> a.subnets(subnets).securityGroups(groups)
                .assignPublicIp(ip)).build();
    }

    private static String runRefused(NetworkConfiguration n, LaunchType launchType) {
        return message(assertThrows(InvalidParameterException.class, () -> client.runTask(b -> b.cluster("net")
                .taskDefinition("vpc").launchType(launchType).networkConfiguration(n))));
    }

    @Test
    void unknownSubnetsAndGroupsAreRefusedWithEcsText() {
        assertEquals("Error retrieving subnet information for [subnet-aaaaaaaaaaaaaaaaa, subnet-nope]: The subnet ID"
                + " 'subnet-nope' does not exist (ErrorCode: InvalidSubnetID.NotFound)", runRefused(network(
                List.of("subnet-aaaaaaaaaaaaaaaaa", "subnet-nope"), List.of(), null), LaunchType.FARGATE));
        assertEquals("Error retrieving security group information for [sg-nope]: The security group 'sg-nope' does"
                + " not exist (ErrorCode: InvalidGroup.NotFound)", runRefused(network(
                List.of("subnet-aaaaaaaaaaaaaaaaa"), List.of("sg-nope"), null), LaunchType.FARGATE));
        assertEquals("Assign public IP is not supported for this launch type.", runRefused(network(
                List.of("subnet-aaaaaaaaaaaaaaaaa"), List.of(), AssignPublicIp.ENABLED), LaunchType.EC2));
        assertEquals("Error retrieving subnet information for [subnet-nope]: The subnet ID 'subnet-nope' does not"
                + " exist (ErrorCode: InvalidSubnetID.NotFound)", message(assertThrows(InvalidParameterException.class,
                () -> client.createService(b -> b.cluster("net").serviceName("s").taskDefinition("vpc")
                        .launchType(LaunchType.FARGATE).desiredCount(1)
                        .networkConfiguration(network(List.of("subnet-nope"), List.of(), null))))));
    }

    @Test
    void theAccountsSubnetAndGroupAreAccepted() {
        var tasks = client.runTask(b -> b.cluster("net").taskDefinition("vpc").launchType(LaunchType.FARGATE)
                .networkConfiguration(network(List.of("subnet-aaaaaaaaaaaaaaaaa"), List.of("sg-bbbbbbbbbbbbbbbbb"),
                        AssignPublicIp.ENABLED))).tasks();
        assertEquals(1, tasks.size());
    }
}
