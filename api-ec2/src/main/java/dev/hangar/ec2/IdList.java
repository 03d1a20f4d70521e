package dev.hangar.ec2;

import dev.hangar.core.service.AwsException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A Describe operation's explicit id list (VpcId.N, SubnetId.N, GroupId.N), as EC2 resolves it: every id's form is
 * checked first ({@code <prefix>-} and 8 or 17 hex digits, the short and long forms EC2 accepts), then each must
 * exist, else the request fails on the first bad one. A filter that matches nothing is an empty answer; a named id
 * that does not exist is an error.
 *
 * @param prefix        "vpc", "subnet", "sg"
 * @param malformedCode EC2's code for an id of the wrong form, in EC2's own casing
 */
record IdList<T>(String prefix, String malformedCode, Function<String, AwsException> notFound) {

    /** @return the named resources, each once, in the order first named; empty when no id is named */
    List<T> resolve(List<String> ids, Function<String, Optional<T>> lookup) {
        Pattern shape = Pattern.compile(Pattern.quote(prefix) + "-([0-9a-f]{8}|[0-9a-f]{17})");
        for (String id : ids) {
            if (id == null || !shape.matcher(id).matches()) {
                throw Ec2Errors.malformed(malformedCode, id == null ? "" : id, prefix);
            }
        }
        List<T> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            found.add(lookup.apply(id).orElseThrow(() -> notFound.apply(id)));
        }
        return found;
    }
}
