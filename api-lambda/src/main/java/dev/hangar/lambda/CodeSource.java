package dev.hangar.lambda;

import dev.hangar.lambda.code.ZipCodeStore;
import dev.hangar.lambda.domain.CodePackage;
import software.amazon.awssdk.core.SdkBytes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns the code members of CreateFunction / UpdateFunctionCode into stored code. Hangar has no S3: the one bucket
 * it understands is LocalStack's "hot-reload", whose S3Key is a local directory used live as the function's code.
 */
final class CodeSource {

    static final String HOT_RELOAD_BUCKET = "hot-reload";

    private final ZipCodeStore store;

    CodeSource(ZipCodeStore store) {
        this.store = store;
    }

    /** The code members as one value, whichever request they came from. */
    record Input(SdkBytes zipFile, String s3Bucket, String s3Key, String imageUri) {
        boolean empty() {
            return zipFile == null && s3Bucket == null && s3Key == null && imageUri == null;
        }
    }

    CodePackage zipPackage(LambdaRegion region, String functionName, Input in) {
        if (in.imageUri() != null) {
            throw LambdaErrors.invalidParameter(
                    "Please don't provide ImageUri when updating a function with packageType Zip.");
        }
        if (in.zipFile() != null) {
            if (in.s3Bucket() != null || in.s3Key() != null) {
                throw LambdaErrors.invalidParameter(
                        "Please do not provide other FunctionCode parameters when providing a ZipFile.");
            }
            return store.store(region.account(), region.region(), functionName, in.zipFile().asByteArrayUnsafe());
        }
        if (in.s3Bucket() != null && in.s3Key() != null) {
            if (HOT_RELOAD_BUCKET.equals(in.s3Bucket())) {
                return hotReload(in.s3Key());
            }
            throw LambdaErrors.invalidParameter("Error occurred while GetObject. S3 Error Code: NoSuchBucket. "
                    + "S3 Error Message: The specified bucket does not exist");
        }
        throw LambdaErrors.invalidParameter("Please provide a source for function code.");
    }

    private static CodePackage hotReload(String key) {
        Path dir;
        try {
            dir = Path.of(key);
        } catch (java.nio.file.InvalidPathException e) {
            dir = null;
        }
        if (dir == null || !dir.isAbsolute()) {
            throw LambdaErrors.invalidParameter("When using hot reloading, the archive key has to be an absolute path! "
                    + "Your archive key: " + key);
        }
        if (!Files.isDirectory(dir)) {
            throw LambdaErrors.invalidParameter("The hot-reload directory " + key + " does not exist on the Hangar host.");
        }
        return CodePackage.hotReload(dir.normalize());
    }

    CodePackage imagePackage(Input in) {
        if (in.zipFile() != null || in.s3Bucket() != null || in.s3Key() != null) {
            throw LambdaErrors.invalidParameter(
                    "Please provide ImageUri when updating a function with packageType Image.");
        }
        if (in.imageUri() == null || in.imageUri().isBlank()) {
            throw LambdaErrors.invalidParameter(
                    "Please provide ImageUri when updating a function with packageType Image.");
        }
        return CodePackage.image(in.imageUri(), sha256Hex(in.imageUri()));
    }

    void release(CodePackage code) {
        store.delete(code);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
