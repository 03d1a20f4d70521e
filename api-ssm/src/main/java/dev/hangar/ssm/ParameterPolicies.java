package dev.hangar.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.ssm.model.InvalidPolicyTypeException;
import software.amazon.awssdk.services.ssm.model.ParameterInlinePolicy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PutParameter's Policies: a JSON array of Expiration, ExpirationNotification and NoChangeNotification policies.
 * Hangar checks their shape and records them; it does not act on them (no expiry, no EventBridge notification), and
 * reports each as Pending, the status AWS gives a policy that has not run yet (docs/ssm.md).
 */
final class ParameterPolicies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("Expiration", "ExpirationNotification", "NoChangeNotification");

    private ParameterPolicies() {
    }

    /** The policies of a Policies text, checked. */
    static List<ParameterInlinePolicy> parse(String text) {
        if (text == null) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw invalid();
        }
        if (root == null || !root.isArray()) {
            throw invalid();
        }
        List<ParameterInlinePolicy> out = new ArrayList<>();
        for (JsonNode policy : root) {
            String type = policy.path("Type").asText(null);
            if (type == null || !TYPES.contains(type)) {
                throw invalid();
            }
            out.add(ParameterInlinePolicy.builder().policyText(policy.toString()).policyType(type)
                    .policyStatus("Pending").build());
        }
        return out;
    }

    private static InvalidPolicyTypeException invalid() {
        return InvalidPolicyTypeException.builder()
                .message("The policy type is not supported. Parameter Store supports the following policy types: "
                        + "Expiration, ExpirationNotification, and NoChangeNotification.").build();
    }
}
