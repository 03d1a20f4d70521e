package dev.hangar.ec2;

import dev.hangar.core.port.NetworkPort;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NetworkPort EC2 provides: what another service (ECS) learns agrees with what DescribeSubnets answers. */
class NetworkPortTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(Ec2Service::new).fakeRuntime().build();

    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "us-east-1";

    private static NetworkPort port() {
        return hangar.ports().require(NetworkPort.class);
    }

    @Test
    void theDefaultVpcSubnetsAndGroupAreThoseEc2Describes() {
        Ec2Client ec2 = hangar.client(Ec2Client.class);
        Vpc vpc = ec2.describeVpcs().vpcs().get(0);
        assertEquals(new NetworkPort.Vpc(vpc.vpcId(), "172.31.0.0/16", true), port().defaultVpc(ACCOUNT, REGION));

        List<Subnet> described = ec2.describeSubnets().subnets().stream()
                .sorted(Comparator.comparing(Subnet::availabilityZone)).toList();
        List<NetworkPort.Subnet> subnets = port().subnets(ACCOUNT, REGION, vpc.vpcId());
        assertEquals(described.size(), subnets.size());
        for (int i = 0; i < subnets.size(); i++) {
            Subnet s = described.get(i);
            NetworkPort.Subnet expected = new NetworkPort.Subnet(s.subnetId(), vpc.vpcId(), s.cidrBlock(),
                    s.availabilityZone(), s.availabilityZoneId(), true);
            assertEquals(expected, subnets.get(i), "in zone order");
            assertEquals(Optional.of(expected), port().subnet(ACCOUNT, REGION, s.subnetId()));
        }

        SecurityGroup group = ec2.describeSecurityGroups().securityGroups().get(0);
        assertEquals(Optional.of(new NetworkPort.SecurityGroup(group.groupId(), "default", vpc.vpcId())),
                port().securityGroup(ACCOUNT, REGION, group.groupId()));
    }

    @Test
    void unknownIdsAreEmptyAndAccountsAndRegionsAreApart() {
        assertEquals(Optional.empty(), port().subnet(ACCOUNT, REGION, "subnet-0123456789abcdef0"));
        assertEquals(Optional.empty(), port().subnet(ACCOUNT, REGION, null));
        assertEquals(Optional.empty(), port().securityGroup(ACCOUNT, REGION, "sg-0123456789abcdef0"));
        assertEquals(List.of(), port().subnets(ACCOUNT, REGION, "vpc-0123456789abcdef0"));

        NetworkPort.Subnet here = port().subnets(ACCOUNT, REGION, port().defaultVpc(ACCOUNT, REGION).vpcId()).get(0);
        assertEquals(Optional.empty(), port().subnet("111111111111", REGION, here.subnetId()));
        assertEquals(Optional.empty(), port().subnet(ACCOUNT, "eu-west-1", here.subnetId()));
        NetworkPort.Vpc europe = port().defaultVpc(ACCOUNT, "eu-west-1");
        assertNotEquals(port().defaultVpc(ACCOUNT, REGION).vpcId(), europe.vpcId());
        List<NetworkPort.Subnet> europeSubnets = port().subnets(ACCOUNT, "eu-west-1", europe.vpcId());
        assertEquals(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"),
                europeSubnets.stream().map(NetworkPort.Subnet::availabilityZone).toList());
        assertTrue(europeSubnets.stream().allMatch(s -> s.vpcId().equals(europe.vpcId())));
    }
}
