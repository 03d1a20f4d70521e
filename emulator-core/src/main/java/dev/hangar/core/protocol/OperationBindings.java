package dev.hangar.core.protocol;

import software.amazon.awssdk.protocols.core.OperationInfo;

import java.lang.reflect.Field;

/**
 * Reads an operation's HTTP binding from the SDK itself: each {@code <pkg>.model.FooRequest} has a marshaller
 * {@code <pkg>.transform.FooRequestMarshaller} whose private static SDK_OPERATION_BINDING holds method, URI template,
 * X-Amz-Target and payload facts. Read once per operation, when the service model first needs it.
 */
final class OperationBindings {

    private OperationBindings() {
    }

    /** The binding of that request class, or null when its marshaller cannot be found. */
    static OperationInfo read(Class<?> requestClass) {
        String modelPackage = requestClass.getPackageName();
        if (!modelPackage.endsWith(".model")) {
            return null;
        }
        String marshaller = modelPackage.substring(0, modelPackage.length() - ".model".length()) + ".transform."
                + requestClass.getSimpleName() + "Marshaller";
        try {
            Class<?> type = Class.forName(marshaller, true, requestClass.getClassLoader());
            Field field = type.getDeclaredField("SDK_OPERATION_BINDING");
            field.setAccessible(true);
            return (OperationInfo) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The operation's wire name: "AmazonEC2ContainerServiceV20141113.RunTask" → "RunTask", else the class name. */
    static String operationName(OperationInfo info, Class<?> requestClass) {
        if (info != null && info.operationIdentifier() != null) {
            String id = info.operationIdentifier();
            return id.substring(id.lastIndexOf('.') + 1);
        }
        String simple = requestClass.getSimpleName();
        return simple.endsWith("Request") ? simple.substring(0, simple.length() - "Request".length()) : simple;
    }
}
