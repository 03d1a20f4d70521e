package dev.hangar.core.resource;

/**
 * The ARNs one service makes and accepts in one account and region. The arguments are in the order the ARN writes
 * them (service, region, account), for every service: a scope builds its ARNs and tells which ARNs are its own, so
 * that an ARN of another account or region is recognised as not here.
 */
public record ArnScope(String partition, String service, String region, String account) {

    public static ArnScope of(String service, String region, String account) {
        return new ArnScope(Arn.AWS, service, region, account);
    }

    /** The ARN of a resource of this scope, e.g. {@code arn("cluster/default")}. */
    public String arn(String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    /** Whether the ARN is of this partition, service, region and account. */
    public boolean contains(Arn arn) {
        return arn != null && partition.equals(arn.partition()) && service.equals(arn.service())
                && region.equals(arn.region()) && account.equals(arn.account());
    }

    /** The resource part of an ARN of this scope, or null when the text is not one. */
    public String resourceOf(String text) {
        Arn arn = Arn.parse(text);
        return contains(arn) ? arn.resource() : null;
    }

    /**
     * What follows {@code prefix} in the resource part of an ARN of this scope ("cluster/" of ".../cluster/a" is "a"),
     * or null when the text is not an ARN of this scope or its resource is of another type.
     */
    public String resourceOf(String text, String prefix) {
        String resource = resourceOf(text);
        return resource != null && resource.startsWith(prefix) ? resource.substring(prefix.length()) : null;
    }
}
