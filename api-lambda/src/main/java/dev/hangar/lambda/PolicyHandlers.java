package dev.hangar.lambda;

import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.lambda.domain.FunctionConfigurationState;
import dev.hangar.lambda.domain.LambdaFunction;
import dev.hangar.lambda.domain.ResourcePolicy;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.AddPermissionResponse;
import software.amazon.awssdk.services.lambda.model.GetPolicyRequest;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;
import software.amazon.awssdk.services.lambda.model.RemovePermissionRequest;
import software.amazon.awssdk.services.lambda.model.RemovePermissionResponse;

import java.util.Map;

/** AddPermission, RemovePermission, GetPolicy: the resource-based policy of $LATEST or a version. */
@RunsOn(RunsOn.Pool.WORKERS)
record PolicyHandlers(AccountRegionStore<LambdaRegion> regions) {

    public AddPermissionResponse addPermission(RequestContext ctx, AddPermissionRequest r) {
        LambdaRegion region = regions.get(ctx);
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), r.qualifier());
        Policies.validate(r);
        if (LambdaArns.LATEST.equals(ref.qualifier())) {
            throw LambdaErrors.invalidParameter("We currently do not support adding policies for $LATEST.");
        }
        LambdaFunction function = region.find(ref.name());
        FunctionConfigurationState version = Functions.version(region, function, ref);
        if (r.revisionId() != null && !r.revisionId().equals(version.revisionId())) {
            throw LambdaErrors.revisionMismatch();
        }
        Map<String, Object> statement = Policies.statement(r, region.arns().function(ref.name(), ref.qualifier()));
        if (!function.policy(ref.qualifierOrLatest(), true).add(statement)) {
            throw LambdaErrors.conflict("The statement id (" + r.statementId() + ") provided already exists. Please "
                    + "provide a new statement id, or remove the existing statement.");
        }
        return AddPermissionResponse.builder().statement(Policies.json(statement)).build();
    }

    public RemovePermissionResponse removePermission(RequestContext ctx, RemovePermissionRequest r) {
        LambdaRegion region = regions.get(ctx);
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), r.qualifier());
        LambdaFunction function = region.find(ref.name());
        if (function == null) {
            throw LambdaErrors.resourceNotFound("No policy found for: " + region.arns().function(ref.name()));
        }
        FunctionConfigurationState version = Functions.version(region, function, ref);
        ResourcePolicy policy = function.policy(ref.qualifierOrLatest(), false);
        if (policy == null) {
            throw LambdaErrors.resourceNotFound("No policy is associated with the given resource.");
        }
        if (!policy.has(r.statementId())) {
            throw LambdaErrors.resourceNotFound("Statement " + r.statementId() + " is not found in resource policy.");
        }
        if (r.revisionId() != null && !r.revisionId().equals(version.revisionId())) {
            throw LambdaErrors.revisionMismatch();
        }
        policy.remove(r.statementId());
        function.dropPolicyIfEmpty(ref.qualifierOrLatest());
        return RemovePermissionResponse.builder().build();
    }

    public GetPolicyResponse getPolicy(RequestContext ctx, GetPolicyRequest r) {
        LambdaRegion region = regions.get(ctx);
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), r.qualifier());
        LambdaFunction function = region.find(ref.name());
        FunctionConfigurationState version = Functions.version(region, function, ref);
        ResourcePolicy policy = function.policy(ref.qualifierOrLatest(), false);
        if (policy == null || policy.isEmpty()) {
            throw LambdaErrors.resourceNotFound("The resource you requested does not exist.");
        }
        return GetPolicyResponse.builder().policy(Policies.document(policy)).revisionId(version.revisionId()).build();
    }
}
