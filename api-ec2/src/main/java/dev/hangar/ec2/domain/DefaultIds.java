package dev.hangar.ec2.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids of the default network, derived from the account, the region and what the id names, so that the same account
 * and region always get the same default VPC, subnets and group: a restarted Hangar, or a script that wrote an id
 * down, sees the ids it saw before. The form is AWS's: a prefix and 17 lower-case hex digits.
 */
public final class DefaultIds {

    private DefaultIds() {
    }

    /** @param what what the id stands for within the account and region, e.g. "subnet/2" */
    public static String of(String prefix, String account, String region, String what) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        byte[] digest = sha.digest((account + '/' + region + '/' + what).getBytes(StandardCharsets.UTF_8));
        return prefix + "-" + HexFormat.of().formatHex(digest).substring(0, 17);
    }
}
