package dev.hangar.lambda;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.util.HashMap;
import java.util.Map;

/**
 * CreateFunction, UpdateFunctionCode, GetFunctionConfiguration and friends all answer with FunctionConfiguration's
 * members, each in a response class of its own; this copies the members across by name, from the SDK's own field
 * metadata, so no response can miss one.
 */
final class Shapes {

    private Shapes() {
    }

    @SuppressWarnings("unchecked")
    static <T> T configurationAs(FunctionConfiguration configuration, SdkBuilder<?, T> builder) {
        Map<String, SdkField<?>> target = new HashMap<>();
        for (SdkField<?> field : ((SdkPojo) builder).sdkFields()) {
            target.put(field.memberName(), field);
        }
        for (SdkField<?> field : configuration.sdkFields()) {
            SdkField<Object> to = (SdkField<Object>) target.get(field.memberName());
            Object value = field.getValueOrDefault(configuration);
            if (to != null && value != null) {
                to.set(builder, value);
            }
        }
        return builder.build();
    }
}
