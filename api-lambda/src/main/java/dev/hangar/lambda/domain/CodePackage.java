package dev.hangar.lambda.domain;

import java.nio.file.Path;

/**
 * What a version runs: an unpacked zip, a live local directory (hot reload), or a container image.
 *
 * @param codeSha256 base64 SHA-256 of the zip bytes (Zip), hex SHA-256 of the image URI (Image; Hangar cannot read
 *                   the registry digest), or LocalStack's marker for hot reload
 * @param codeSize   the zip's size in bytes; 0 for images and hot reload, as AWS and LocalStack report
 * @param unzippedSize bytes the package inflates to (0 when not a zip)
 * @param directory  Zip: the unpacked code; hot reload: the user's directory; Image: null
 * @param packageFile Zip: the uploaded archive as stored (served as GetFunction's Code.Location); else null
 */
public record CodePackage(
        String packageType,
        String codeSha256,
        long codeSize,
        long unzippedSize,
        Path directory,
        Path packageFile,
        String imageUri,
        boolean hotReload) {

    public static final String ZIP = "Zip";
    public static final String IMAGE = "Image";
    /** The CodeSha256 LocalStack reports for hot-reloaded code, kept so existing tooling sees the same value. */
    public static final String HOT_RELOAD_SHA = "hot-reloading-hash-not-available";

    public static CodePackage zip(String sha256, long size, long unzippedSize, Path directory, Path packageFile) {
        return new CodePackage(ZIP, sha256, size, unzippedSize, directory, packageFile, null, false);
    }

    public static CodePackage hotReload(Path directory) {
        return new CodePackage(ZIP, HOT_RELOAD_SHA, 0, 0, directory, null, null, true);
    }

    public static CodePackage image(String imageUri, String sha256Hex) {
        return new CodePackage(IMAGE, sha256Hex, 0, 0, null, null, imageUri, false);
    }

    public boolean isImage() {
        return IMAGE.equals(packageType);
    }
}
