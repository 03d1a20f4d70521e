package dev.hangar.ecs;

import dev.hangar.core.port.NetworkPort;
import dev.hangar.core.port.Ports;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;

import java.util.List;

/**
 * An awsvpc {@code networkConfiguration} checked against the account's EC2 network as ECS checks it (RunTask,
 * CreateService, UpdateService): the subnets and security groups must exist, in one VPC. The texts are ECS's, with
 * EC2's own message and code inside, as users quote them. Without EC2 wired (no NetworkPort), nothing is checked.
 */
record NetworkChecks(Ports.Ref<NetworkPort> network) {

    void check(String account, String region, NetworkConfiguration configuration, LaunchType launchType) {
        AwsVpcConfiguration c = configuration == null ? null : configuration.awsvpcConfiguration();
        if (c == null) {
            return;
        }
        if (!c.hasSubnets() || c.subnets().isEmpty()) {
            throw EcsErrors.invalidParameter("subnets can not be empty.");
        }
        if (c.assignPublicIp() == AssignPublicIp.ENABLED && launchType == LaunchType.EC2) {
            throw EcsErrors.invalidParameter("Assign public IP is not supported for this launch type.");
        }
        NetworkPort port = network.get();
        if (port == null) {
            return;
        }
        String vpc = null;
        for (String id : c.subnets()) {
            NetworkPort.Subnet subnet = port.subnet(account, region, id).orElse(null);
            if (subnet == null) {
                throw EcsErrors.invalidParameter("Error retrieving subnet information for " + list(c.subnets())
                        + ": The subnet ID '" + id + "' does not exist (ErrorCode: InvalidSubnetID.NotFound)");
            }
            if (vpc != null && !vpc.equals(subnet.vpcId())) {
                throw EcsErrors.invalidParameter("Subnets must all belong to the same VPC: " + list(c.subnets()));
            }
            vpc = subnet.vpcId();
        }
        for (String id : c.securityGroups()) {
            NetworkPort.SecurityGroup group = port.securityGroup(account, region, id).orElse(null);
            if (group == null) {
                throw EcsErrors.invalidParameter("Error retrieving security group information for "
                        + list(c.securityGroups()) + ": The security group '" + id
                        + "' does not exist (ErrorCode: InvalidGroup.NotFound)");
            }
            if (!group.vpcId().equals(vpc)) {
                throw EcsErrors.invalidParameter("Security group " + id + " does not belong to the VPC of the"
                        + " subnets " + list(c.subnets()) + ".");
            }
        }
    }

    private static String list(List<String> ids) {
        return "[" + String.join(", ", ids) + "]";
    }
}
