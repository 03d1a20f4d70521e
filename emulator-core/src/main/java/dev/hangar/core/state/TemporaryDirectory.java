package dev.hangar.core.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A fresh private folder under java.io.tmpdir, as {@link Files#createTempDirectory} makes one, but named from
 * ThreadLocalRandom: createTempDirectory draws its name from SecureRandom, whose set-up is a noticeable part of a
 * start. The name need not be unguessable: the folder is created atomically (an existing one is never reused) and
 * readable by its owner only.
 */
public final class TemporaryDirectory {

    private TemporaryDirectory() {
    }

    public static Path create(String prefix) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(prefix);
        }
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        for (int attempt = 0; ; attempt++) {
            Path candidate = parent.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createDirectory(candidate,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** Removes the folder and everything in it, as far as it can; what cannot be removed stays. */
    public static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a folder someone else removed first, or a file still held open: nothing more to do
        }
    }
}
