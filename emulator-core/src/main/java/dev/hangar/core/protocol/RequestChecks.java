package dev.hangar.core.protocol;

import software.amazon.awssdk.core.SdkPojo;

/** The checks a codec makes on every request it reads, for requests that arrive already typed (in-process calls). */
public final class RequestChecks {

    private RequestChecks() {
    }

    /** @throws dev.hangar.core.service.AwsException as a codec would answer the same request */
    public static void check(OperationModel operation, SdkPojo request) {
        RequiredMemberCheck.check(operation, PojoShape.of(operation.requestClass()), request);
    }
}
