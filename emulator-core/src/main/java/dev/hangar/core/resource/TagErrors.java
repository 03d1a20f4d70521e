package dev.hangar.core.resource;

import java.util.Set;

/**
 * How a service words each way a request's tags can be refused. The checks and their order are the kit's
 * ({@link TagRules}); the codes and texts stay each service's, as AWS sends them.
 */
public interface TagErrors {

    /**
     * The request breaks rules of the tags' model (length, characters, count per request): what AWS's front end
     * checks, all at once. {@link TagRules#modelValidation} words it as the front end does for a map member.
     *
     * @param broken never empty
     */
    RuntimeException invalid(TagRequest request, Set<TagRule> broken);

    /** A key starts with "aws:" (in any case), which AWS reserves for its own tags. */
    RuntimeException reservedKey(String key);

    /** Stored, the tags would give the resource more than {@link TagRules#MAX_USER_TAGS} user tags. */
    RuntimeException tooMany(TagRequest request);
}
