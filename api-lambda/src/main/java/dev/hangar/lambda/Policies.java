package dev.hangar.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.AwsException;
import dev.hangar.lambda.domain.ResourcePolicy;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resource-based policy documents as AWS writes them: {"Version":"2012-10-17","Id":"default","Statement":[...]},
 * each statement {"Sid","Effect":"Allow","Principal","Action","Resource","Condition"}.
 */
final class Policies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATEMENT_ID = Pattern.compile("([a-zA-Z0-9-_]+)");
    private static final Pattern ACTION = Pattern.compile("(lambda:[*]|lambda:[a-zA-Z]+|[*])");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private Policies() {
    }

    static void validate(AddPermissionRequest r) {
        Validation<AwsException> errors = new Validation<>(AwsErrors::validation);
        if (r.statementId() == null) {
            errors.missing("statementId");
        }
        errors.pattern(r.statementId(), "statementId", STATEMENT_ID, "([a-zA-Z0-9-_]+)");
        if (r.action() == null) {
            errors.missing("action");
        }
        errors.pattern(r.action(), "action", ACTION, "(lambda:[*]|lambda:[a-zA-Z]+|[*])");
        if (r.principal() == null) {
            errors.missing("principal");
        }
        errors.throwIfAny();
    }

    static Map<String, Object> statement(AddPermissionRequest r, String resourceArn) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", r.statementId());
        s.put("Effect", "Allow");
        s.put("Principal", principal(r.principal()));
        s.put("Action", r.action());
        s.put("Resource", resourceArn);
        Map<String, Map<String, String>> condition = new LinkedHashMap<>();
        if (r.sourceAccount() != null) {
            condition.computeIfAbsent("StringEquals", k -> new LinkedHashMap<>()).put("AWS:SourceAccount", r.sourceAccount());
        }
        if (r.principalOrgID() != null) {
            condition.computeIfAbsent("StringEquals", k -> new LinkedHashMap<>()).put("aws:PrincipalOrgID", r.principalOrgID());
        }
        if (r.eventSourceToken() != null) {
            condition.computeIfAbsent("StringEquals", k -> new LinkedHashMap<>()).put("lambda:EventSourceToken", r.eventSourceToken());
        }
        if (r.functionUrlAuthType() != null) {
            condition.computeIfAbsent("StringEquals", k -> new LinkedHashMap<>())
                    .put("lambda:FunctionUrlAuthType", r.functionUrlAuthTypeAsString());
        }
        if (r.sourceArn() != null) {
            condition.computeIfAbsent("ArnLike", k -> new LinkedHashMap<>()).put("AWS:SourceArn", r.sourceArn());
        }
        if (!condition.isEmpty()) {
            s.put("Condition", condition);
        }
        return s;
    }

    /** "*" stays "*", an account id becomes its root ARN, an ARN an AWS principal, anything else a service. */
    private static Object principal(String principal) {
        if ("*".equals(principal)) {
            return "*";
        }
        if (ACCOUNT.matcher(principal).matches()) {
            return Map.of("AWS", "arn:aws:iam::" + principal + ":root");
        }
        if (principal.startsWith("arn:")) {
            return Map.of("AWS", principal);
        }
        return Map.of("Service", principal);
    }

    static String document(ResourcePolicy policy) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Id", "default");
        doc.put("Statement", policy.statements());
        return json(doc);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw AwsErrors.internal("could not write the policy: " + e.getOriginalMessage());
        }
    }
}
