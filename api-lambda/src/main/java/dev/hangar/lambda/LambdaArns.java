package dev.hangar.lambda;

import dev.hangar.core.resource.ArnScope;
import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsErrors;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's function ARNs, and the FunctionName parameter that accepts a name, a partial ARN
 * (123456789012:function:name) or a full ARN, each optionally followed by ":qualifier".
 */
final class LambdaArns {

    static final String LATEST = "$LATEST";

    private static final Pattern FUNCTION_REF = Pattern.compile(
            "^(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?(?:([a-z]{2}(?:(?:-gov)|(?:-iso[a-z]?))?-[a-z]+-\\d):)?"
                    + "(?:(\\d{12}):)?(?:function:)?([a-zA-Z0-9-_.]+)(?::(\\$LATEST|[a-zA-Z0-9-_]+))?$");
    private static final String FUNCTION_NAME_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?"
            + "-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    private static final Pattern FULL_FUNCTION_ARN = Pattern.compile(
            "^arn:(?:aws[a-zA-Z-]*)?:lambda:([a-z]{2}(?:(?:-gov)|(?:-iso[a-z]?))?-[a-z]+-\\d):(\\d{12}):function:"
                    + "([a-zA-Z0-9-_]+)(?::(\\$LATEST|[a-zA-Z0-9-_]+))?$");
    private static final String RESOURCE_PATTERN = "arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:"
            + "\\d{12}:function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

    private final ArnScope scope;

    LambdaArns(String region, String account) {
        this.scope = ArnScope.of("lambda", region, account);
    }

    String function(String name) {
        return scope.arn("function:" + name);
    }

    String function(String name, String qualifier) {
        return qualifier == null ? function(name) : function(name) + ":" + qualifier;
    }

    /**
     * A FunctionName parameter with the separate Qualifier parameter folded in.
     *
     * @param qualifier the Qualifier parameter, or null
     */
    FunctionRef ref(String functionName, String qualifier) {
        if (functionName == null) {
            throw AwsErrors.missingMember("FunctionName");
        }
        Matcher m = FUNCTION_REF.matcher(functionName);
        if (!m.matches() || m.group(3).length() > 64) {
            throw new Validation<>(AwsErrors::validation)
                    .fail(functionName, "functionName", Constraints.pattern(FUNCTION_NAME_PATTERN)).error();
        }
        String derived = m.group(4);
        if (qualifier != null && derived != null && !derived.equals(qualifier)) {
            throw LambdaErrors.invalidParameter(
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        if ((m.group(1) != null && !m.group(1).equals(scope.region()))
                || (m.group(2) != null && !m.group(2).equals(scope.account()))) {
            // a function of another region or account is simply not here
            throw LambdaErrors.functionNotFound(functionName);
        }
        return new FunctionRef(m.group(3), qualifier != null ? qualifier : derived);
    }

    /** TagResource, UntagResource and ListTags name their function by ARN only. */
    FunctionRef resource(String arn) {
        Matcher m = arn == null ? null : FULL_FUNCTION_ARN.matcher(arn);
        if (m == null || !m.matches()) {
            throw new Validation<>(AwsErrors::validation)
                    .fail(arn, "resource", Constraints.pattern(RESOURCE_PATTERN)).error();
        }
        if (!m.group(1).equals(scope.region()) || !m.group(2).equals(scope.account())) {
            throw LambdaErrors.functionNotFound(arn);
        }
        return new FunctionRef(m.group(3), m.group(4));
    }

    /** A function name and its qualifier ($LATEST, a version number, an alias name) or null. */
    record FunctionRef(String name, String qualifier) {

        boolean qualified() {
            return qualifier != null;
        }

        String qualifierOrLatest() {
            return qualifier == null ? LATEST : qualifier;
        }
    }
}
