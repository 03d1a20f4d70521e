package dev.hangar.ec2.domain;

import dev.hangar.core.port.NetworkPort;
import software.amazon.awssdk.services.ec2.model.BlockPublicAccessMode;
import software.amazon.awssdk.services.ec2.model.HostnameType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetState;

import java.util.Map;

/**
 * A subnet, always available.
 *
 * @param availableIpAddressCount the addresses of its CIDR less the five AWS reserves in every subnet
 * @param tags                    none yet (no CreateTags); the tag filters see this map
 */
public record SubnetRecord(String subnetId, String subnetArn, String vpcId, String ownerId, String cidrBlock,
                           Zones.Zone zone, boolean defaultForAz, boolean mapPublicIpOnLaunch,
                           int availableIpAddressCount, Map<String, String> tags) {

    public SubnetRecord {
        tags = Map.copyOf(tags);
    }

    public String state() {
        return SubnetState.AVAILABLE.toString();
    }

    public Subnet toSdk() {
        return Subnet.builder()
                .subnetId(subnetId).subnetArn(subnetArn).vpcId(vpcId).ownerId(ownerId).cidrBlock(cidrBlock)
                .availabilityZone(zone.name()).availabilityZoneId(zone.id())
                .availableIpAddressCount(availableIpAddressCount).state(SubnetState.AVAILABLE)
                .defaultForAz(defaultForAz).mapPublicIpOnLaunch(mapPublicIpOnLaunch)
                .mapCustomerOwnedIpOnLaunch(false).assignIpv6AddressOnCreation(false).enableDns64(false)
                .ipv6Native(false)
                .privateDnsNameOptionsOnLaunch(o -> o.hostnameType(HostnameType.IP_NAME)
                        .enableResourceNameDnsARecord(false).enableResourceNameDnsAAAARecord(false))
                .blockPublicAccessStates(b -> b.internetGatewayBlockMode(BlockPublicAccessMode.OFF))
                .tags(TagList.toSdk(tags))
                .build();
    }

    public NetworkPort.Subnet toPort() {
        return new NetworkPort.Subnet(subnetId, vpcId, cidrBlock, zone.name(), zone.id(), mapPublicIpOnLaunch);
    }
}
