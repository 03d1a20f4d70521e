package dev.hangar.lambda;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runtimes CreateFunction and UpdateFunctionConfiguration accept. A retired runtime gets AWS's "no longer
 * supported" answer with the runtime that replaces it; an unknown one the enum-set answer.
 */
final class Runtimes {

    /** Accepted today (AWS lists its set unordered; Hangar keeps a stable order). */
    static final List<String> SUPPORTED = List.of(
            "nodejs24.x", "nodejs22.x", "nodejs20.x", "nodejs18.x",
            "python3.14", "python3.13", "python3.12", "python3.11", "python3.10", "python3.9",
            "java25", "java21", "java17", "java11", "java8.al2",
            "dotnet10", "dotnet8",
            "ruby3.4", "ruby3.3", "ruby3.2",
            "provided.al2023", "provided.al2");

    /** Retired runtime → what AWS recommends instead. */
    private static final Map<String, String> RETIRED = new LinkedHashMap<>();

    static {
        for (String node : List.of("nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x",
                "nodejs12.x", "nodejs14.x", "nodejs16.x")) {
            RETIRED.put(node, "nodejs24.x");
        }
        for (String python : List.of("python2.7", "python3.6", "python3.7", "python3.8")) {
            RETIRED.put(python, "python3.14");
        }
        RETIRED.put("java8", "java21");
        for (String dotnet : List.of("dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet6")) {
            RETIRED.put(dotnet, "dotnet8");
        }
        RETIRED.put("ruby2.5", "ruby3.4");
        RETIRED.put("ruby2.7", "ruby3.4");
        RETIRED.put("go1.x", "provided.al2023");
        RETIRED.put("provided", "provided.al2023");
    }

    private static final Set<String> SUPPORTED_SET = Set.copyOf(SUPPORTED);

    private Runtimes() {
    }

    static void check(String runtime) {
        if (SUPPORTED_SET.contains(runtime)) {
            return;
        }
        String successor = RETIRED.get(runtime);
        if (successor != null) {
            throw LambdaErrors.invalidParameter("The runtime parameter of " + runtime + " is no longer supported for "
                    + "creating or updating AWS Lambda functions. We recommend you use the new runtime (" + successor
                    + ") while creating or updating functions.");
        }
        throw LambdaErrors.invalidParameter("Value " + runtime + " at 'runtime' failed to satisfy constraint: Member must "
                + "satisfy enum value set: [" + String.join(", ", SUPPORTED) + "] or be a valid ARN");
    }
}
