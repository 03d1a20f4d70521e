package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Container mode's stand-in for bind mounts: Hangar's folders are not on the engine's host, so each mounted folder
 * is packed into a tar and copied into the created container (at its container path) before it starts. Services
 * keep asking for mounts; only the runtime knows. Simplified: the copy is writable whatever the mount's read-only
 * flag, and later changes to the folder do not show in a running container (Lambda code is immutable per version,
 * and Hangar's runtime clients never change).
 */
final class MountCopies {

    private MountCopies() {
    }

    /** The spec as created: the same, without its mounts. */
    static ContainerSpec withoutMounts(ContainerSpec s) {
        return s.withMounts(List.of());
    }

    /** Copies every mount's host folder (or file) into the container, which exists and has not started. */
    static void copyInto(DockerClient client, String containerId, List<ContainerSpec.Mount> mounts) {
        Path tar = null;
        try {
            tar = Files.createTempFile("hangar-mounts", ".tar");
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tar));
                 TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (ContainerSpec.Mount m : mounts) {
                    pack(out, Path.of(m.hostPath()), stripSlash(m.containerPath()));
                }
            }
            try (InputStream in = Files.newInputStream(tar)) {
                client.copyArchiveToContainerCmd(containerId).withRemotePath("/").withTarInputStream(in).exec();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy mounted folders into container " + containerId + ": "
                    + e.getMessage(), e);
        } finally {
            if (tar != null) {
                try {
                    Files.deleteIfExists(tar);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans its temp folder
                }
            }
        }
    }

    private static void pack(TarArchiveOutputStream out, Path source, String target) throws IOException {
        if (!Files.exists(source)) {
            throw new IOException(source + " does not exist");
        }
        if (!Files.isDirectory(source)) {
            file(out, source, target);
            return;
        }
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = source.relativize(p).toString().replace('\\', '/');
                String name = rel.isEmpty() ? target : target + "/" + rel;
                if (Files.isSymbolicLink(p)) {
                    TarArchiveEntry link = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                    link.setLinkName(Files.readSymbolicLink(p).toString());
                    out.putArchiveEntry(link);
                    out.closeArchiveEntry();
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    TarArchiveEntry dir = new TarArchiveEntry(name + "/");
                    dir.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
                    out.putArchiveEntry(dir);
                    out.closeArchiveEntry();
                } else {
                    file(out, p, name);
                }
            }
        }
    }

    private static void file(TarArchiveOutputStream out, Path p, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(p));
        // the executable bit matters (a provided runtime's bootstrap); the rest is readable by any user
        entry.setMode(Files.isExecutable(p) ? 0100755 : 0100644);
        out.putArchiveEntry(entry);
        Files.copy(p, out);
        out.closeArchiveEntry();
    }

    private static String stripSlash(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
