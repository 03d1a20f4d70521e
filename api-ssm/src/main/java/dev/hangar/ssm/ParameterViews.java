package dev.hangar.ssm;

import dev.hangar.ssm.domain.ParameterRecord;
import dev.hangar.ssm.domain.ParameterVersionRecord;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterInlinePolicy;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.util.List;

/** A parameter version as each operation shows it: Parameter, ParameterMetadata, ParameterHistory. */
final class ParameterViews {

    private ParameterViews() {
    }

    /** GetParameter(s) and GetParametersByPath; {@code selector} as the request named it (":3", ":prod") or null. */
    static Parameter parameter(SsmArns arns, ParameterVersionRecord v, boolean withDecryption, String selector) {
        return Parameter.builder()
                .name(v.name())
                .type(v.type())
                .value(v.shownValue(withDecryption))
                .version(v.version())
                .selector(selector)
                .lastModifiedDate(v.lastModified())
                .arn(arns.parameter(v.name()))
                .dataType(v.dataType())
                .build();
    }

    /** DescribeParameters: the latest version's metadata, without the value. */
    static ParameterMetadata metadata(SsmArns arns, ParameterVersionRecord v) {
        return ParameterMetadata.builder()
                .name(v.name())
                .arn(arns.parameter(v.name()))
                .type(v.type())
                .keyId(v.keyId())
                .lastModifiedDate(v.lastModified())
                .lastModifiedUser(v.lastModifiedUser())
                .description(v.description())
                .allowedPattern(v.allowedPattern())
                .version(v.version())
                .tier(v.tier())
                .policies(policies(v))
                .dataType(v.dataType())
                .build();
    }

    static ParameterHistory history(ParameterRecord record, ParameterVersionRecord v, boolean withDecryption) {
        return ParameterHistory.builder()
                .name(v.name())
                .type(v.type())
                .keyId(v.keyId())
                .lastModifiedDate(v.lastModified())
                .lastModifiedUser(v.lastModifiedUser())
                .description(v.description())
                .value(v.shownValue(withDecryption))
                .allowedPattern(v.allowedPattern())
                .version(v.version())
                .labels(record.labelsOf(v.version()))
                .tier(v.tier())
                .policies(policies(v))
                .dataType(v.dataType())
                .build();
    }

    /** The recorded policies (checked when put), each Pending: Hangar does not run them (docs/ssm.md). */
    private static List<ParameterInlinePolicy> policies(ParameterVersionRecord v) {
        return ParameterPolicies.parse(v.policies());
    }

    static boolean secure(ParameterVersionRecord v) {
        return v.type() == ParameterType.SECURE_STRING;
    }
}
