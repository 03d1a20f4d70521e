package dev.hangar.ec2.domain;

import dev.hangar.core.port.NetworkPort;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.List;
import java.util.Map;

/**
 * A security group and its rules. Hangar does not enforce the rules on container traffic yet (docs/ec2.md).
 *
 * @param ingress its inbound rules, as EC2 reports them
 * @param egress  its outbound rules
 * @param tags    none yet (no CreateTags); the tag filters see this map
 */
public record SecurityGroupRecord(String groupId, String groupArn, String groupName, String description,
                                  String vpcId, String ownerId, List<IpPermission> ingress,
                                  List<IpPermission> egress, Map<String, String> tags) {

    /** The rules EC2 gives every VPC's default group: all traffic in from the group itself, all traffic out. */
    public static SecurityGroupRecord defaultOf(String groupId, String groupArn, String vpcId, String ownerId) {
        IpPermission fromItself = IpPermission.builder().ipProtocol("-1")
                .userIdGroupPairs(p -> p.groupId(groupId).userId(ownerId)).build();
        IpPermission toAnywhere = IpPermission.builder().ipProtocol("-1")
                .ipRanges(r -> r.cidrIp("0.0.0.0/0")).build();
        return new SecurityGroupRecord(groupId, groupArn, "default", "default VPC security group", vpcId, ownerId,
                List.of(fromItself), List.of(toAnywhere), Map.of());
    }

    public SecurityGroupRecord {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        tags = Map.copyOf(tags);
    }

    public SecurityGroup toSdk() {
        return SecurityGroup.builder()
                .groupId(groupId).securityGroupArn(groupArn).groupName(groupName).description(description)
                .vpcId(vpcId).ownerId(ownerId).ipPermissions(ingress).ipPermissionsEgress(egress)
                .tags(TagList.toSdk(tags))
                .build();
    }

    public NetworkPort.SecurityGroup toPort() {
        return new NetworkPort.SecurityGroup(groupId, groupName, vpcId);
    }
}
