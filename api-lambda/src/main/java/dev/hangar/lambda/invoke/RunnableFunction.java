package dev.hangar.lambda.invoke;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the invocation side needs to run one version of a function, as the control plane hands it over.
 * Immutable: an update of code or configuration produces a new one (and retires the old environments).
 *
 * @param version          "$LATEST" or a published version number
 * @param runtime          python3.12, nodejs20.x, java21, provided.al2023 ...; null for PackageType Image
 * @param environment      the function's own variables (Hangar adds AWS's standard ones)
 * @param imageUri         PackageType Image: the user's image; null for Zip
 * @param imageCommand     ImageConfig overrides, null = the image's own
 * @param codeDirectory    Zip: the unpacked code; hot reload: the user's directory (bind-mounted at /var/task)
 * @param hotReload        code is a live local directory (S3Bucket "hot-reload"): reload when its files change
 * @param codeSha256       identity of the code; environments are never shared across different values
 * @param reservedConcurrency null = none (the function shares the account's unreserved pool)
 */
public record RunnableFunction(
        String account,
        String region,
        String functionName,
        String functionArn,
        String version,
        String runtime,
        String handler,
        int memoryMb,
        int timeoutSeconds,
        Map<String, String> environment,
        String packageType,
        String imageUri,
        List<String> imageEntryPoint,
        List<String> imageCommand,
        String imageWorkingDir,
        Path codeDirectory,
        boolean hotReload,
        String codeSha256,
        Integer reservedConcurrency,
        String logGroup,
        String roleArn) {

    /** The ARN a caller sees for this version: unqualified for $LATEST callers is the control plane's business. */
    public String qualifiedArn() {
        return functionArn + ":" + version;
    }
}
