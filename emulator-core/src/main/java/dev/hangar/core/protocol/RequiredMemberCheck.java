package dev.hangar.core.protocol;

import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.AwsException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.util.ArrayList;
import java.util.List;

/** AWS's front-end check for missing required members, worded as AWS words it. */
final class RequiredMemberCheck {

    private RequiredMemberCheck() {
    }

    static void check(OperationModel operation, PojoShape shape, SdkPojo request) {
        List<String> required = operation.rules().requiredMembers();
        List<String> missing = null;
        for (int i = 0; i < required.size(); i++) {
            PojoShape.Member member = shape.byMemberName.get(required.get(i));
            Object value = member.get(request);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                if (missing == null) {
                    missing = new ArrayList<>(2);
                }
                missing.add(member.memberName);
            }
        }
        if (missing != null) {
            throw missingMembers(missing, operation.rules().requestErrors());
        }
    }

    /**
     * "1 validation error detected: Value null at 'x' ..." or "2 validation errors detected: ...; ...", in the error
     * the service words validation with.
     */
    static AwsException missingMembers(List<String> memberNames, RequestErrors errors) {
        Validation<AwsException> validation = new Validation<>(errors::invalidInput);
        memberNames.forEach(name -> validation.missing(AwsErrors.lowerFirst(name)));
        return validation.error();
    }
}
