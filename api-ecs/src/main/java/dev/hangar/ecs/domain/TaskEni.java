package dev.hangar.ecs.domain;

import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;

import java.util.List;

/**
 * An awsvpc task's elastic network interface: its attachment as DescribeTasks shows it, and where it really is (the
 * address on the Docker network standing for the VPC).
 *
 * @param attachmentId  a UUID, as ECS's attachment ids are
 * @param subnetCidr    the subnet's CIDR (the metadata endpoint's IPv4SubnetCIDRBlock)
 * @param gateway       the subnet's router address (base + 1, as in a VPC)
 */
public record TaskEni(String attachmentId, String networkInterfaceId, String subnetId, String vpcId,
                      String subnetCidr, String gateway, String macAddress, String privateIpv4Address,
                      String privateDnsName) {

    /** ATTACHED while the task has its interface, DELETED once it stopped (as ECS shows a stopped task's ENI). */
    Attachment toSdk(boolean stopped) {
        return Attachment.builder()
                .id(attachmentId)
                .type("ElasticNetworkInterface")
                .status(stopped ? "DELETED" : "ATTACHED")
                .details(List.of(
                        detail("subnetId", subnetId),
                        detail("networkInterfaceId", networkInterfaceId),
                        detail("macAddress", macAddress),
                        detail("privateDnsName", privateDnsName),
                        detail("privateIPv4Address", privateIpv4Address)))
                .build();
    }

    private static KeyValuePair detail(String name, String value) {
        return KeyValuePair.builder().name(name).value(value).build();
    }
}
