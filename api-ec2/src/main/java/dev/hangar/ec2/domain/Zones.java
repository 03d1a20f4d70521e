package dev.hangar.ec2.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The availability zones Hangar gives a region, by one documented rule (docs/ec2.md): us-east-1 has six (a to f), as
 * on AWS, every other region three (a to c). Zone ids follow AWS's form, the region's short code and the zone's
 * number ({@code use1-az1}, {@code euw2-az3}); AWS maps letters to ids differently per account, Hangar in order.
 */
public final class Zones {

    /** AWS's short codes of the compass parts of region names (us-east-1 → use1, ap-southeast-2 → apse2). */
    private static final Map<String, String> DIRECTIONS = Map.of(
            "north", "n", "south", "s", "east", "e", "west", "w", "central", "c",
            "northeast", "ne", "southeast", "se", "northwest", "nw", "southwest", "sw");

    private Zones() {
    }

    /** One zone: its name, id and its index in the region (0 for a). */
    public record Zone(String name, String id, int index) {
    }

    public static List<Zone> of(String region) {
        int count = "us-east-1".equals(region) ? 6 : 3;
        String code = shortCode(region);
        List<Zone> zones = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            zones.add(new Zone(region + (char) ('a' + i), code + "-az" + (i + 1), i));
        }
        return List.copyOf(zones);
    }

    /** us-east-1 → use1, us-gov-west-1 → usgw1; a region name not of AWS's form keeps its letters and digits. */
    static String shortCode(String region) {
        String[] parts = region.split("-");
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0 || part.chars().allMatch(Character::isDigit)) {
                code.append(part);
            } else {
                code.append(DIRECTIONS.getOrDefault(part, part.isEmpty() ? "" : part.substring(0, 1)));
            }
        }
        return code.toString();
    }
}
