package dev.hangar.ecs.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.core.resource.Arn;
import dev.hangar.core.service.ServiceCalls;
import dev.hangar.ecs.domain.TaskContainer;
import dev.hangar.ecs.domain.TaskRecord;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A container's {@code secrets}, resolved at launch as the ECS agent resolves them with the execution role: a
 * Secrets Manager ARN (whole secret, or {@code :json-key:version-stage:version-id}) through GetSecretValue, an SSM
 * parameter name or ARN through GetParameters (with decryption), both over the in-process client, so the same checks
 * apply as for any caller. A secret that cannot be read fails the task with ECS's ResourceInitializationError text.
 */
final class TaskSecrets {

    private static final String PREFIX = "ResourceInitializationError: unable to pull secrets or registry auth:"
            + " execution resource retrieval failed: ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 30;

    private final ServiceCalls calls;

    TaskSecrets(ServiceCalls calls) {
        this.calls = calls;
    }

    /** Resolves every container's secrets into its environment; the reason the task cannot start, or null. */
    String resolve(TaskRecord task) {
        Arn taskArn = Arn.parse(task.arn());
        for (TaskContainer container : task.containers()) {
            if (!container.definition().hasSecrets() || container.definition().secrets().isEmpty()) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            List<Secret> fromSsm = new ArrayList<>();
            for (Secret secret : container.definition().secrets()) {
                String valueFrom = secret.valueFrom();
                if (valueFrom != null && valueFrom.startsWith("arn:") && valueFrom.contains(":secretsmanager:")) {
                    String failure = fromSecretsManager(taskArn, secret, values);
                    if (failure != null) {
                        return PREFIX + failure;
                    }
                } else {
                    fromSsm.add(secret);
                }
            }
            if (!fromSsm.isEmpty()) {
                String failure = fromParameterStore(taskArn, fromSsm, values);
                if (failure != null) {
                    return PREFIX + failure;
                }
            }
            container.secretEnvironment(values);
        }
        return null;
    }

    private String fromSecretsManager(Arn taskArn, Secret secret, Map<String, String> into) {
        String valueFrom = secret.valueFrom();
        String[] parts = valueFrom.split(":", -1);
        // arn:aws:secretsmanager:region:account:secret:name[:json-key:version-stage:version-id]
        if (parts.length != 7 && parts.length != 10 || !"secret".equals(parts[5])) {
            return "unable to retrieve secret from asm: trying to retrieve secret with value " + valueFrom
                    + " resulted in error: an invalid ARN format for the AWS Secrets Manager secret was specified."
                    + " Specify a valid ARN and try again.";
        }
        String secretArn = String.join(":", java.util.Arrays.copyOfRange(parts, 0, 7));
        String jsonKey = parts.length == 10 ? empty(parts[7]) : null;
        GetSecretValueRequest.Builder request = GetSecretValueRequest.builder().secretId(secretArn);
        if (parts.length == 10) {
            request.versionStage(empty(parts[8])).versionId(empty(parts[9]));
        }
        GetSecretValueResponse answer;
        try {
            answer = call(new ServiceCalls.Caller(parts[4], parts[3].isEmpty() ? taskArn.region() : parts[3]),
                    request.build());
        } catch (RuntimeException e) {
            return "unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch"
                    + " secret " + secretArn + " from secrets manager: " + describe(e);
        }
        String value = answer.secretString();
        if (jsonKey != null) {
            try {
                JsonNode node = value == null ? null : JSON.readTree(value).get(jsonKey);
                if (node == null) {
                    return "unable to retrieve secret from asm: retrieved secret from Secrets Manager did not"
                            + " contain json key " + jsonKey;
                }
                value = node.isTextual() ? node.asText() : node.toString();
            } catch (java.io.IOException e) {
                return "unable to retrieve secret from asm: retrieved secret from Secrets Manager is not valid json"
                        + " and the json key " + jsonKey + " was asked for";
            }
        }
        into.put(secret.name(), value == null ? "" : value);
        return null;
    }

    private String fromParameterStore(Arn taskArn, List<Secret> secrets, Map<String, String> into) {
        // one call per region, with the names as given (GetParameters takes names and ARNs)
        Map<String, List<Secret>> byRegion = new LinkedHashMap<>();
        for (Secret s : secrets) {
            Arn arn = s.valueFrom() != null && s.valueFrom().startsWith("arn:") ? Arn.parse(s.valueFrom()) : null;
            String region = arn != null && !arn.region().isEmpty() ? arn.region() : taskArn.region();
            byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, List<Secret>> e : byRegion.entrySet()) {
            List<String> names = e.getValue().stream().map(Secret::valueFrom).distinct().toList();
            GetParametersResponse answer;
            try {
                answer = call(new ServiceCalls.Caller(taskArn.account(), e.getKey()),
                        GetParametersRequest.builder().names(names).withDecryption(true).build());
            } catch (RuntimeException ex) {
                return "unable to retrieve secrets from ssm: service call has been retried 1 time(s): " + describe(ex);
            }
            if (answer.hasInvalidParameters() && !answer.invalidParameters().isEmpty()) {
                return "unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm"
                        + " parameters: " + String.join(" ", answer.invalidParameters());
            }
            for (Secret s : e.getValue()) {
                String value = null;
                for (Parameter p : answer.parameters()) {
                    if (s.valueFrom().equals(p.name()) || s.valueFrom().equals(p.arn())
                            || p.name().equals(nameOf(s.valueFrom()))) {
                        value = p.value();
                    }
                }
                into.put(s.name(), value == null ? "" : value);
            }
        }
        return null;
    }

    /** The parameter name an SSM ARN (…:parameter/a/b) stands for: /a/b. */
    private static String nameOf(String valueFrom) {
        int at = valueFrom.indexOf(":parameter/");
        return at < 0 ? valueFrom : valueFrom.substring(at + ":parameter".length());
    }

    private <T extends software.amazon.awssdk.core.SdkResponse> T call(ServiceCalls.Caller caller,
                                                                     software.amazon.awssdk.core.SdkRequest request) {
        try {
            return calls.<T>call(caller, request).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("RequestCanceled: request context canceled caused by: context deadline"
                    + " exceeded");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof AwsServiceException aws) {
            if (aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null) {
                return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
            }
            // thrown in process as the other service's modelled exception: its class is its error code
            return aws.getClass().getSimpleName() + ": " + aws.getMessage();
        }
        if (e instanceof dev.hangar.core.service.AwsException aws) {
            return aws.code() + ": " + aws.getMessage();
        }
        return e.getMessage();
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
