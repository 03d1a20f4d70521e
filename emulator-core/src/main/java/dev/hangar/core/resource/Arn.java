package dev.hangar.core.resource;

/**
 * An ARN taken apart: arn:&lt;partition&gt;:&lt;service&gt;:&lt;region&gt;:&lt;account&gt;:&lt;resource&gt;. The resource part
 * keeps its own colons and slashes ("log-group:name:*", "task/cluster/id"): how it divides is the service's business.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** The partition of every region Hangar serves. */
    public static final String AWS = "aws";

    /** The parts of an ARN, or null when the text is not one (no "arn:" or fewer than six parts). */
    public static Arn parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return null;
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return null;
        }
        return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    /** The ARN's text. */
    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
