package dev.hangar.lambda.invoke;

import dev.hangar.core.service.AwsException;
import dev.hangar.runtime.ContainerSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which image runs a function and how its runtime starts.
 * <ul>
 *   <li>PackageType Image: the user's image, with the function's ImageConfig overrides.</li>
 *   <li>provided.*: the runtime's image running the function's own /var/task/bootstrap (AWS's provided images
 *       expect the bootstrap in /var/runtime, which a Zip function cannot put there).</li>
 *   <li>an image with a runtime client as its entrypoint (AWS's base images): the handler as CMD, as AWS runs them.</li>
 *   <li>a plain language image (no ENTRYPOINT, or only docker-entrypoint.sh): Hangar's own client mounted at
 *       /var/runtime and started directly.</li>
 * </ul>
 * Which of the last two is HANGAR_LAMBDA_RUNTIME_CLIENT_&lt;RUNTIME&gt;'s to say, else the image's configuration's
 * (see {@link ImageRuntimeClients}).
 *
 * @param entrypoint null = the image's own
 * @param command    null = the image's own
 * @param handler    what _HANDLER says, null for none
 */
record LaunchPlan(String image, List<String> entrypoint, List<String> command, List<ContainerSpec.Mount> mounts,
                  String workingDir, String handler) {

    static final String TASK_ROOT = "/var/task";
    static final String RUNTIME_DIR = "/var/runtime";

    /** The image {@link #of} plans for the function; null when Hangar has none for its runtime ({@link #of} says so). */
    static String imageOf(RunnableFunction fn, InvokeConfig config) {
        if ("Image".equalsIgnoreCase(fn.packageType())) {
            return fn.imageUri();
        }
        return fn.runtime() == null ? null : config.imageFor(fn.runtime());
    }

    /**
     * Whether {@link #of} asks {@code imageBringsClient} about the function's image: a Zip runtime other than
     * provided.* whose HANGAR_LAMBDA_RUNTIME_CLIENT_&lt;RUNTIME&gt; is not set. A launch asks it first on the engine's
     * threads, so that the plan itself finds the answer known.
     */
    static boolean asksImage(RunnableFunction fn, InvokeConfig config) {
        return !"Image".equalsIgnoreCase(fn.packageType()) && fn.runtime() != null
                && !fn.runtime().startsWith("provided") && config.runtimeClientSetting(fn.runtime()) == null;
    }

    /**
     * Blocking: may ask the image (see {@link #asksImage}) and unpack Hangar's runtime client (file I/O). Call on a
     * worker, with the image's answer known already when it is the engine's to give.
     *
     * @param imageBringsClient whether an image's own configuration brings a runtime client; asked only for a Zip
     *                          runtime whose HANGAR_LAMBDA_RUNTIME_CLIENT_&lt;RUNTIME&gt; is not set
     */
    static LaunchPlan of(RunnableFunction fn, InvokeConfig config, BundledRuntimeClients clients,
                         Predicate<String> imageBringsClient) {
        if ("Image".equalsIgnoreCase(fn.packageType())) {
            List<String> command = fn.imageCommand();
            String handler = command != null && !command.isEmpty() ? command.get(0) : null;
            return new LaunchPlan(fn.imageUri(), emptyToNull(fn.imageEntryPoint()), emptyToNull(command), List.of(),
                    fn.imageWorkingDir(), handler);
        }
        String runtime = fn.runtime();
        String image = imageOf(fn, config);
        if (image == null) {
            throw new AwsException("InvalidRuntimeException", 502, false,
                    "Hangar has no image for runtime " + runtime + "; set " + InvokeConfig.IMAGE_PREFIX
                            + InvokeConfig.variableSuffix(String.valueOf(runtime)), java.util.Map.of("Type", "User"));
        }
        List<ContainerSpec.Mount> mounts = new ArrayList<>();
        if (fn.codeDirectory() != null) {
            mounts.add(new ContainerSpec.Mount(fn.codeDirectory().toAbsolutePath().toString(), TASK_ROOT, true));
        }
        if (runtime.startsWith("provided")) {
            return new LaunchPlan(image, List.of(TASK_ROOT + "/bootstrap"), null, mounts, TASK_ROOT, fn.handler());
        }
        List<String> handlerArg = fn.handler() == null ? null : List.of(fn.handler());
        if (config.imageHasRuntimeClient(runtime, image, imageBringsClient)) {
            return new LaunchPlan(image, null, handlerArg, mounts, TASK_ROOT, fn.handler());
        }
        List<String> entrypoint;
        String language;
        if (runtime.startsWith("python")) {
            language = "python";
            entrypoint = List.of("python3", "-u", RUNTIME_DIR + "/bootstrap.py");
        } else if (runtime.startsWith("nodejs")) {
            language = "nodejs";
            entrypoint = List.of("node", RUNTIME_DIR + "/bootstrap.js");
        } else {
            throw new AwsException("InvalidRuntimeException", 502, false, "Image " + image + " for runtime "
                    + runtime + " has no runtime interface client and Hangar brings none for it; configure an image"
                    + " that has one (" + InvokeConfig.IMAGE_PREFIX + InvokeConfig.variableSuffix(runtime) + ")",
                    java.util.Map.of("Type", "User"));
        }
        mounts.add(new ContainerSpec.Mount(clients.folderFor(language).toString(), RUNTIME_DIR, true));
        return new LaunchPlan(image, entrypoint, handlerArg, mounts, TASK_ROOT, fn.handler());
    }

    private static List<String> emptyToNull(List<String> list) {
        return list == null || list.isEmpty() ? null : list;
    }
}
