package dev.hangar.core.resource;

import java.util.Set;
import java.util.function.Function;

/**
 * How a service words each way a request's tags can be refused. The checks and their order are the kit's
 * ({@link TagRules}); the codes and texts stay each service's, as AWS sends them. Make one with {@link #of}.
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

    /**
     * Whether the service's model limits the tags member to 50 entries, so that a longer request fails the front
     * end ({@link TagRule#TOO_MANY_IN_REQUEST}); otherwise only the resource's limit applies ({@link #tooMany}).
     */
    boolean modelLimitsCount();

    /** The first of {@link #invalid}'s arguments is the request, the second the rules it breaks. */
    @FunctionalInterface
    interface Invalid {
        RuntimeException of(TagRequest request, Set<TagRule> broken);
    }

    /** A service whose model limits a request to 50 tags (ECS's list, CloudWatch Logs' map ...). */
    static TagErrors of(Invalid invalid, Function<String, ? extends RuntimeException> reservedKey,
                        Function<TagRequest, ? extends RuntimeException> tooMany) {
        return new Answers(invalid, reservedKey, tooMany, true);
    }

    /** A service whose model sets no count on the member (Lambda's Tags map): 51 tags are simply too many. */
    static TagErrors withoutRequestLimit(Invalid invalid, Function<String, ? extends RuntimeException> reservedKey,
                                         Function<TagRequest, ? extends RuntimeException> tooMany) {
        return new Answers(invalid, reservedKey, tooMany, false);
    }

    /** The answers a service gave {@link #of}. */
    final class Answers implements TagErrors {
        private final Invalid invalid;
        private final Function<String, ? extends RuntimeException> reservedKey;
        private final Function<TagRequest, ? extends RuntimeException> tooMany;
        private final boolean modelLimitsCount;

        private Answers(Invalid invalid, Function<String, ? extends RuntimeException> reservedKey,
                        Function<TagRequest, ? extends RuntimeException> tooMany, boolean modelLimitsCount) {
            this.invalid = invalid;
            this.reservedKey = reservedKey;
            this.tooMany = tooMany;
            this.modelLimitsCount = modelLimitsCount;
        }

        @Override
        public RuntimeException invalid(TagRequest request, Set<TagRule> broken) {
            return invalid.of(request, broken);
        }

        @Override
        public RuntimeException reservedKey(String key) {
            return reservedKey.apply(key);
        }

        @Override
        public RuntimeException tooMany(TagRequest request) {
            return tooMany.apply(request);
        }

        @Override
        public boolean modelLimitsCount() {
            return modelLimitsCount;
        }
    }
}
