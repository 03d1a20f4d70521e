package dev.hangar.ec2;

import dev.hangar.core.resource.ArnScope;
import dev.hangar.ec2.domain.DefaultIds;
import dev.hangar.ec2.domain.SecurityGroupRecord;
import dev.hangar.ec2.domain.SubnetRecord;
import dev.hangar.ec2.domain.VpcRecord;
import dev.hangar.ec2.domain.Zones;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EC2 network of one account and region: its default VPC, one default subnet per availability zone and the VPC's
 * default security group, made together when the account first uses the region and never changed afterwards (there
 * is no operation that changes them yet), so every read is of immutable values and needs no lock.
 */
final class Ec2Region {

    /** The default VPC's CIDR block, AWS's for every default VPC. */
    static final String DEFAULT_VPC_CIDR = "172.31.0.0/16";
    /** Each default subnet is a /20 of the VPC: 4096 addresses, of which AWS reserves five. */
    private static final int SUBNET_SIZE = 4096;
    private static final int RESERVED_PER_SUBNET = 5;

    private final String account;
    private final String region;
    private final List<Zones.Zone> zones;
    private final VpcRecord defaultVpc;
    private final List<SubnetRecord> subnets;
    private final SecurityGroupRecord defaultGroup;

    Ec2Region(String account, String region) {
        this.account = account;
        this.region = region;
        ArnScope arns = ArnScope.of("ec2", region, account);
        this.zones = Zones.of(region);
        String vpcId = DefaultIds.of("vpc", account, region, "vpc/default");
        this.defaultVpc = new VpcRecord(vpcId, account, DEFAULT_VPC_CIDR,
                DefaultIds.of("vpc-cidr-assoc", account, region, "vpc/default/cidr"),
                DefaultIds.of("dopt", account, region, "dhcp-options/default"), true, Map.of());
        List<SubnetRecord> made = new ArrayList<>();
        for (Zones.Zone zone : zones) {
            String subnetId = DefaultIds.of("subnet", account, region, "subnet/default/" + zone.name());
            // 172.31.0.0/20, 172.31.16.0/20, 172.31.32.0/20 ...: the zone's /20 in the VPC, in zone order
            String cidr = "172.31." + (zone.index() * 16) + ".0/20";
            made.add(new SubnetRecord(subnetId, arns.arn("subnet/" + subnetId), vpcId, account, cidr, zone, true,
                    true, SUBNET_SIZE - RESERVED_PER_SUBNET, Map.of()));
        }
        this.subnets = List.copyOf(made);
        String groupId = DefaultIds.of("sg", account, region, "security-group/default");
        this.defaultGroup = SecurityGroupRecord.defaultOf(groupId, arns.arn("security-group/" + groupId), vpcId,
                account);
    }

    String account() {
        return account;
    }

    String region() {
        return region;
    }

    List<Zones.Zone> zones() {
        return zones;
    }

    VpcRecord defaultVpc() {
        return defaultVpc;
    }

    /** Every VPC, in id order (the order the Describe operations list and page them in). */
    List<VpcRecord> vpcs() {
        return List.of(defaultVpc);
    }

    Optional<VpcRecord> vpc(String vpcId) {
        return vpcs().stream().filter(v -> v.vpcId().equals(vpcId)).findFirst();
    }

    /** Every subnet, in id order. */
    List<SubnetRecord> subnets() {
        return subnets.stream().sorted(Comparator.comparing(SubnetRecord::subnetId)).toList();
    }

    /** The subnets of one VPC in zone order. */
    List<SubnetRecord> subnetsOf(String vpcId) {
        return subnets.stream().filter(s -> s.vpcId().equals(vpcId)).toList();
    }

    Optional<SubnetRecord> subnet(String subnetId) {
        return subnets.stream().filter(s -> s.subnetId().equals(subnetId)).findFirst();
    }

    /** Every security group, in id order. */
    List<SecurityGroupRecord> securityGroups() {
        return List.of(defaultGroup);
    }

    Optional<SecurityGroupRecord> securityGroup(String groupId) {
        return securityGroups().stream().filter(g -> g.groupId().equals(groupId)).findFirst();
    }
}
