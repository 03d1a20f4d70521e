package dev.hangar.core.state;

/** ARNs in AWS's form: arn:aws:&lt;service&gt;:&lt;region&gt;:&lt;account&gt;:&lt;resource&gt;. */
public final class Arns {

    private Arns() {
    }

    public static String of(String service, String region, String account, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
    }

    /** The parts of an ARN, or null when the text is not one. */
    public static Parsed parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return null;
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return null;
        }
        return new Parsed(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    public record Parsed(String partition, String service, String region, String account, String resource) {
    }
}
