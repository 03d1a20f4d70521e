package dev.hangar.ecs.runtime;

/** IPv4 CIDR arithmetic for task addresses, as a VPC reserves them. */
public final class Cidrs {

    private Cidrs() {
    }

    /** The block's first address as a number. */
    public static long base(String cidr) {
        return address(cidr.substring(0, cidr.indexOf('/'))) & mask(prefix(cidr));
    }

    public static int prefix(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }

    public static long size(String cidr) {
        return 1L << (32 - prefix(cidr));
    }

    public static boolean contains(String cidr, String address) {
        return (address(address) & mask(prefix(cidr))) == base(cidr);
    }

    /** The VPC router of a subnet: its base + 1. */
    public static String router(String cidr) {
        return text(base(cidr) + 1);
    }

    /** The Amazon DNS server of a VPC's subnet: its base + 2, as the metadata endpoint reports it. */
    public static String dnsServer(String cidr) {
        return text(base(cidr) + 2);
    }

    public static long address(String text) {
        String[] parts = text.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        long value = 0;
        for (String p : parts) {
            value = (value << 8) | Integer.parseInt(p);
        }
        return value;
    }

    public static String text(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }
}
