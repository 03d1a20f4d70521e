package dev.hangar.lambda.code;

import dev.hangar.lambda.LambdaErrors;
import dev.hangar.lambda.LambdaLimits;
import dev.hangar.lambda.domain.CodePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Deployment packages on disk: each upload is checked and unpacked in a staging folder inside the data directory
 * and moved into the function's own folder only when complete, so a bad archive (entries escaping with "../" or
 * absolute paths, or inflating past the 250 MB limit) leaves nothing behind anywhere. Sizes are the bytes actually
 * inflated, never the sizes the archive claims.
 */
public final class ZipCodeStore {

    private static final Logger log = LoggerFactory.getLogger(ZipCodeStore.class);
    private static final String PACKAGE = "package.zip";
    private static final String CODE = "code";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path root;
    private final Path staging;
    private final Path functions;

    public ZipCodeStore(Path dataDirectory) {
        this.root = dataDirectory.toAbsolutePath().normalize();
        this.staging = root.resolve("staging");
        this.functions = root.resolve("functions");
    }

    /** Checks, unpacks and stores one upload; throws Lambda's errors for anything AWS would refuse. */
    public CodePackage store(String account, String region, String functionName, byte[] zip) {
        if (zip.length > LambdaLimits.CODE_SIZE_ZIPPED) {
            throw LambdaErrors.zippedTooLarge();
        }
        Path work = staging.resolve(UUID.randomUUID().toString());
        boolean moved = false;
        try {
            Path codeDir = work.resolve(CODE);
            Files.createDirectories(codeDir);
            Path packageFile = work.resolve(PACKAGE);
            Files.write(packageFile, zip);
            long unzipped;
            try (ZipFile archive = new ZipFile(packageFile.toFile())) {
                checkEntries(archive);
                unzipped = extract(archive, codeDir, ZipModes.read(zip));
            } catch (java.util.zip.ZipException e) {
                throw LambdaErrors.badZip();
            }
            Path target = functions.resolve(account).resolve(region).resolve(functionName)
                    .resolve(UUID.randomUUID().toString());
            Files.createDirectories(target.getParent());
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return CodePackage.zip(sha256Base64(zip), zip.length, unzipped, target.resolve(CODE),
                    target.resolve(PACKAGE));
        } catch (IOException e) {
            throw new UncheckedIOException("storing the deployment package of " + functionName, e);
        } finally {
            if (!moved) {
                deleteTree(work);
            }
        }
    }

    /** Pass one, writing nothing: every name stays inside the folder, and the inflated total stays in the limit. */
    private static void checkEntries(ZipFile archive) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        for (Enumeration<? extends ZipEntry> e = archive.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (!safeName(entry.getName())) {
                log.warn("rejected a deployment package with the entry {}", entry.getName());
                throw LambdaErrors.badZip();
            }
            if (entry.isDirectory()) {
                continue;
            }
            try (InputStream in = archive.getInputStream(entry)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > LambdaLimits.CODE_SIZE_UNZIPPED) {
                        throw LambdaErrors.unzippedTooLarge();
                    }
                }
            }
        }
    }

    static boolean safeName(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0 || name.startsWith("/") || name.startsWith("\\")
                || name.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static long extract(ZipFile archive, Path codeDir, Map<String, Integer> modes) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        for (Enumeration<? extends ZipEntry> e = archive.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            Path target = codeDir.resolve(entry.getName()).normalize();
            if (!target.startsWith(codeDir)) {
                throw LambdaErrors.badZip();
            }
            if (entry.isDirectory()) {
                Files.createDirectories(target);
                continue;
            }
            Files.createDirectories(target.getParent());
            // an entry made as a symlink is written as the plain file it is stored as: no link can point outside
            try (InputStream in = archive.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > LambdaLimits.CODE_SIZE_UNZIPPED) {
                        throw LambdaErrors.unzippedTooLarge();
                    }
                    out.write(buffer, 0, n);
                }
            }
            setMode(target, modes.getOrDefault(entry.getName(), 0755));
        }
        return total;
    }

    /** Keeps the archive's execute bits; everything stays readable, as the runtime user need not be the owner. */
    private static void setMode(Path file, int mode) throws IOException {
        if (!POSIX) {
            return;
        }
        int m = mode | 0444;
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < 9; bit++) {
            if ((m & (1 << bit)) != 0) {
                perms.add(order[bit]);
            }
        }
        perms.add(PosixFilePermission.OWNER_WRITE);
        Files.setPosixFilePermissions(file, perms);
    }

    /** Removes one stored package (its code folder and archive); the path must be one this store handed out. */
    public void delete(CodePackage code) {
        if (code.packageFile() != null && code.packageFile().startsWith(functions)) {
            Path upload = code.packageFile().getParent();
            deleteTree(upload);
            try {
                // the function's folder goes with its last package; a concurrent upload keeps it (not empty)
                Files.deleteIfExists(upload.getParent());
            } catch (IOException notEmpty) {
                log.trace("{} still holds packages", upload.getParent());
            }
        }
    }

    public void deleteAll() {
        deleteTree(functions);
        deleteTree(staging);
    }

    public Path root() {
        return root;
    }

    public Path functionsRoot() {
        return functions;
    }

    static String sha256Base64(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.debug("could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            log.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
