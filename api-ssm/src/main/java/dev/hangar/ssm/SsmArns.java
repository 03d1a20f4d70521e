package dev.hangar.ssm;

import dev.hangar.core.resource.ArnScope;

import java.util.List;

/** Parameter ARNs of one account and region: arn:aws:ssm:REGION:ACCOUNT:parameter/NAME, the leading "/" dropped. */
final class SsmArns {

    private final ArnScope scope;

    SsmArns(String region, String account) {
        this.scope = ArnScope.of("ssm", region, account);
    }

    String parameter(String name) {
        return scope.arn("parameter/" + (name.startsWith("/") ? name.substring(1) : name));
    }

    /**
     * The names a parameter ARN of this account and region may stand for ("parameter/a/b" is "/a/b" or, for a name
     * put without its leading slash, "a/b"), or none when the ARN is another scope's.
     */
    List<String> names(String arn) {
        String rest = scope.resourceOf(arn, "parameter/");
        return rest == null || rest.isEmpty() ? List.of() : List.of("/" + rest, rest);
    }

    /** Who PutParameter records as LastModifiedUser: the account's root, as Hangar has no IAM principals yet. */
    String user() {
        return "arn:aws:iam::" + scope.account() + ":root";
    }
}
