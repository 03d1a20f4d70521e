package dev.hangar.lambda;

import dev.hangar.lambda.domain.FunctionConfigurationState;
import dev.hangar.lambda.domain.LambdaFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The functions of one account and region, by name (ListFunctions walks them in name order). */
final class LambdaRegion {

    private final String account;
    private final String region;
    private final LambdaArns arns;
    private final TreeMap<String, LambdaFunction> functions = new TreeMap<>();

    LambdaRegion(String account, String region) {
        this.account = account;
        this.region = region;
        this.arns = new LambdaArns(region, account);
    }

    String account() {
        return account;
    }

    String region() {
        return region;
    }

    LambdaArns arns() {
        return arns;
    }

    /** Adds the function unless one of that name exists (ResourceConflictException). */
    synchronized void add(LambdaFunction function) {
        if (functions.containsKey(function.name())) {
            throw LambdaErrors.functionExists(function.name());
        }
        functions.put(function.name(), function);
    }

    synchronized LambdaFunction find(String name) {
        return functions.get(name);
    }

    /** The function, or ResourceNotFoundException naming its unqualified ARN. */
    LambdaFunction require(String name) {
        LambdaFunction function = find(name);
        if (function == null) {
            throw LambdaErrors.functionNotFound(arns.function(name));
        }
        return function;
    }

    synchronized LambdaFunction remove(String name) {
        return functions.remove(name);
    }

    synchronized List<LambdaFunction> all() {
        return new ArrayList<>(functions.values());
    }

    /** Reserved concurrency of every function but the one named (null = none excluded). */
    int reservedConcurrencyExcept(String name) {
        int sum = 0;
        for (LambdaFunction f : all()) {
            Integer reserved = f.reservedConcurrency();
            if (reserved != null && !f.name().equals(name)) {
                sum += reserved;
            }
        }
        return sum;
    }

    /** AccountUsage.TotalCodeSize: every version's package counts, as on AWS. */
    long totalCodeSize() {
        long sum = 0;
        for (LambdaFunction f : all()) {
            for (FunctionConfigurationState v : f.allVersions()) {
                sum += v.code().codeSize();
            }
        }
        return sum;
    }
}
