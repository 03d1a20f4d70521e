package dev.hangar.core.protocol;

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
        StringBuilder message = new StringBuilder().append(memberNames.size())
                .append(memberNames.size() == 1 ? " validation error detected: " : " validation errors detected: ");
        for (int i = 0; i < memberNames.size(); i++) {
            if (i > 0) {
                message.append("; ");
            }
            message.append("Value null at '").append(lowerFirst(memberNames.get(i)))
                    .append("' failed to satisfy constraint: Member must not be null");
        }
        return errors.invalidInput(message.toString());
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
