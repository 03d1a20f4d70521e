package dev.hangar.core.protocol;

import software.amazon.awssdk.core.SdkPojo;

/**
 * What every codec does with a request once it knows the operation: fill a fresh builder of the request class from
 * the wire (each protocol its own way), word what it could not read as the service words it, build, and make the
 * front-end checks; and the same checks for requests that arrive already typed (in-process calls).
 */
public final class RequestChecks {

    /** A protocol's reading of the wire into a builder of the request's shape. */
    @FunctionalInterface
    interface Filler {
        /** @throws BadInput for what cannot be read */
        void fill(PojoShape shape, SdkPojo builder);
    }

    private RequestChecks() {
    }

    /** @throws dev.hangar.core.service.AwsException as a codec would answer the same request */
    public static void check(OperationModel operation, SdkPojo request) {
        RequiredMemberCheck.check(operation, PojoShape.of(operation.requestClass()), request);
    }

    /** The typed request the filler reads, checked. */
    static SdkPojo read(OperationModel operation, Filler filler) {
        PojoShape shape = PojoShape.of(operation.requestClass());
        SdkPojo builder = shape.newBuilder();
        try {
            filler.fill(shape, builder);
        } catch (BadInput e) {
            throw operation.rules().requestErrors().unreadableBody(e.getMessage());
        }
        SdkPojo built = PojoShape.build(builder);
        RequiredMemberCheck.check(operation, shape, built);
        return built;
    }
}
