package dev.hangar.lambda;

import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.lambda.domain.LambdaFunction;
import software.amazon.awssdk.services.lambda.model.AccountLimit;
import software.amazon.awssdk.services.lambda.model.AccountUsage;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionConcurrencyResponse;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsRequest;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConcurrencyResponse;
import software.amazon.awssdk.services.lambda.model.PutFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.PutFunctionConcurrencyResponse;

/**
 * Reserved concurrency (Put, Get, DeleteFunctionConcurrency) and GetAccountSettings, which reports what is left.
 *
 * @param accountConcurrencyLimit the account's concurrent executions (HANGAR_LAMBDA_ACCOUNT_CONCURRENCY)
 */
@RunsOn(RunsOn.Pool.WORKERS)
record ConcurrencyHandlers(AccountRegionStore<LambdaRegion> regions, Functions functions,
                           int accountConcurrencyLimit) {

    public PutFunctionConcurrencyResponse putFunctionConcurrency(RequestContext ctx, PutFunctionConcurrencyRequest r) {
        LambdaRegion region = regions.get(ctx);
        Integer reserved = r.reservedConcurrentExecutions();
        if (reserved == null) {
            throw AwsErrors.missingMember("ReservedConcurrentExecutions");
        }
        if (reserved < 0) {
            throw new Validation<>(AwsErrors::validation)
                    .fail(reserved, "reservedConcurrentExecutions", Constraints.minValue(0)).error();
        }
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), null);
        if (ref.qualified()) {
            throw LambdaErrors.invalidParameter("This operation is permitted on Lambda functions only. Aliases and "
                    + "versions do not support this operation. Please specify either a function name or an "
                    + "unqualified function ARN.");
        }
        LambdaFunction function = region.require(ref.name());
        synchronized (region) {
            int unreservedAfter = accountConcurrencyLimit - region.reservedConcurrencyExcept(ref.name()) - reserved;
            if (unreservedAfter < LambdaLimits.MIN_UNRESERVED_CONCURRENCY) {
                throw LambdaErrors.invalidParameter("Specified ReservedConcurrentExecutions for function decreases "
                        + "account's UnreservedConcurrentExecution below its minimum value of ["
                        + LambdaLimits.MIN_UNRESERVED_CONCURRENCY + "].");
            }
            function.reservedConcurrency(reserved);
        }
        functions.retireAll(function);
        return PutFunctionConcurrencyResponse.builder().reservedConcurrentExecutions(reserved).build();
    }

    public GetFunctionConcurrencyResponse getFunctionConcurrency(RequestContext ctx, GetFunctionConcurrencyRequest r) {
        LambdaRegion region = regions.get(ctx);
        LambdaFunction function = region.require(region.arns().ref(r.functionName(), null).name());
        return GetFunctionConcurrencyResponse.builder()
                .reservedConcurrentExecutions(function.reservedConcurrency()).build();
    }

    public DeleteFunctionConcurrencyResponse deleteFunctionConcurrency(RequestContext ctx,
                                                                       DeleteFunctionConcurrencyRequest r) {
        LambdaRegion region = regions.get(ctx);
        LambdaFunction function = region.require(region.arns().ref(r.functionName(), null).name());
        function.reservedConcurrency(null);
        functions.retireAll(function);
        return DeleteFunctionConcurrencyResponse.builder().build();
    }

    public GetAccountSettingsResponse getAccountSettings(RequestContext ctx, GetAccountSettingsRequest r) {
        LambdaRegion region = regions.get(ctx);
        return GetAccountSettingsResponse.builder()
                .accountLimit(AccountLimit.builder()
                        .totalCodeSize(LambdaLimits.TOTAL_CODE_SIZE)
                        .codeSizeUnzipped(LambdaLimits.CODE_SIZE_UNZIPPED)
                        .codeSizeZipped(LambdaLimits.CODE_SIZE_ZIPPED)
                        .concurrentExecutions(accountConcurrencyLimit)
                        .unreservedConcurrentExecutions(accountConcurrencyLimit - region.reservedConcurrencyExcept(null))
                        .build())
                .accountUsage(AccountUsage.builder()
                        .totalCodeSize(region.totalCodeSize())
                        .functionCount((long) region.all().size())
                        .build())
                .build();
    }
}
