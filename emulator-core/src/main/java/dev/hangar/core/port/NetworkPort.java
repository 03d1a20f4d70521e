package dev.hangar.core.port;

import java.util.List;
import java.util.Optional;

/**
 * The account's EC2 network as other services see it (EC2 provides it): ECS validates a task's
 * {@code awsvpcConfiguration} against it and learns the VPC, CIDR and zone of the subnets a task is placed in, as
 * ECS asks EC2 on AWS. Today each account and region has its default VPC only: one subnet per availability zone and
 * the VPC's default security group (docs/ec2.md); more VPCs come later behind the same methods.
 *
 * <p>Every method only reads memory, never blocks, and may be called from any thread, the event loop included. The
 * default network is made on first use and stays the same for the life of the Hangar, so its ids can be kept. An
 * unknown id is {@link Optional#empty()}: the caller words the error as its own API does (ECS's
 * InvalidParameterException), since EC2's InvalidSubnetID.NotFound is not what ECS answers.
 */
public interface NetworkPort {

    /**
     * A VPC.
     *
     * @param vpcId     {@code vpc-} and 17 hex digits
     * @param cidrBlock its primary IPv4 CIDR block, e.g. {@code 172.31.0.0/16}
     * @param isDefault whether it is the account's default VPC in its region
     */
    record Vpc(String vpcId, String cidrBlock, boolean isDefault) {
    }

    /**
     * A subnet.
     *
     * @param subnetId            {@code subnet-} and 17 hex digits
     * @param vpcId               the VPC it is in
     * @param cidrBlock           its IPv4 CIDR block, inside the VPC's, e.g. {@code 172.31.16.0/20}
     * @param availabilityZone    e.g. {@code us-east-1b}
     * @param availabilityZoneId  e.g. {@code use1-az2}
     * @param mapPublicIpOnLaunch whether network interfaces made in it get a public IPv4 address (ECS's
     *                            {@code assignPublicIp} is allowed either way)
     */
    record Subnet(String subnetId, String vpcId, String cidrBlock, String availabilityZone, String availabilityZoneId,
                  boolean mapPublicIpOnLaunch) {
    }

    /**
     * A security group.
     *
     * @param groupId   {@code sg-} and 17 hex digits
     * @param groupName e.g. {@code default}
     * @param vpcId     the VPC it belongs to: a task's security groups must belong to its subnets' VPC
     */
    record SecurityGroup(String groupId, String groupName, String vpcId) {
    }

    /** The default VPC of the account in the region (made on first use). */
    Vpc defaultVpc(String account, String region);

    /** The subnet with that id in the account and region, or empty when there is none. */
    Optional<Subnet> subnet(String account, String region, String subnetId);

    /** The subnets of a VPC, in zone order (a, b, c ...); empty for an unknown VPC. */
    List<Subnet> subnets(String account, String region, String vpcId);

    /** The security group with that id in the account and region, or empty when there is none. */
    Optional<SecurityGroup> securityGroup(String account, String region, String groupId);
}
