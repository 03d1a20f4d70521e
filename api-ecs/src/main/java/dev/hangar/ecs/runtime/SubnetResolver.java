package dev.hangar.ecs.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a task's subnet is: its VPC and CIDRs, which an awsvpc task's address is taken from. ECS asks this, not EC2,
 * so that the EC2 module's network (its NetworkPort) can be wired in later without ECS knowing it;
 * {@link #defaultVpc()} knows the layout of an account's default VPC until then.
 */
public interface SubnetResolver {

    /**
     * @param cidr    the subnet's block, e.g. 172.31.16.0/20
     * @param vpcCidr the VPC's block, e.g. 172.31.0.0/16: the Docker network standing for the VPC has this subnet
     */
    record Subnet(String subnetId, String vpcId, String cidr, String vpcCidr, String availabilityZone) {
    }

    /** The subnet, or null when the account has none of that id in the region. */
    Subnet resolve(String account, String region, String subnetId);

    /**
     * Every subnet id is taken to be one of the default VPC's (172.31.0.0/16): one /20 per zone, 172.31.(16·k).0/20
     * for the zone k (a, b, c …), as AWS lays a default VPC out. The ids are stable per account and region: the
     * default subnets' own ids ({@link #defaultSubnetId}) map to their zone, any other id to a zone chosen from it.
     */
    static SubnetResolver defaultVpc() {
        return DefaultVpc.INSTANCE;
    }

    /** The default VPC's id in an account and region: "vpc-" and 17 hex digits, stable. */
    static String defaultVpcId(String account, String region) {
        return "vpc-" + DefaultVpc.hex("vpc " + account + " " + region, 17);
    }

    /** The default subnet of zone k (0 = a): "subnet-" and 17 hex digits, stable. */
    static String defaultSubnetId(String account, String region, int zone) {
        return "subnet-" + DefaultVpc.hex("subnet " + account + " " + region + " " + zone, 17);
    }

    /** The default VPC's layout. */
    final class DefaultVpc implements SubnetResolver {

        static final DefaultVpc INSTANCE = new DefaultVpc();
        static final String VPC_CIDR = "172.31.0.0/16";

        private DefaultVpc() {
        }

        /** us-east-1 has six zones, the others three (most regions have three or more). */
        static List<String> zones(String region) {
            int count = region.equals("us-east-1") ? 6 : 3;
            return "abcdef".substring(0, count).chars().mapToObj(c -> region + (char) c).toList();
        }

        @Override
        public Subnet resolve(String account, String region, String subnetId) {
            if (subnetId == null || subnetId.isBlank()) {
                return null;
            }
            List<String> zones = zones(region);
            int zone = -1;
            for (int k = 0; k < zones.size(); k++) {
                if (defaultSubnetId(account, region, k).equals(subnetId)) {
                    zone = k;
                }
            }
            if (zone < 0) {
                zone = Math.floorMod(subnetId.hashCode(), zones.size());
            }
            return new Subnet(subnetId, defaultVpcId(account, region), "172.31." + (16 * zone) + ".0/20", VPC_CIDR,
                    zones.get(zone));
        }

        static String hex(String seed, int digits) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash).substring(0, digits);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
