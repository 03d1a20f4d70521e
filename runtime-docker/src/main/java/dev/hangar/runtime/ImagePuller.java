package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.PullResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Pulls an image, logging progress. An unreachable registry fails as fast as the engine reports it; a pull that
 * stops making progress (a registry that accepts the connection and then says nothing) is abandoned after
 * {@link #STALL_TIMEOUT} rather than holding its caller for the engine's own, much longer, timeouts.
 */
final class ImagePuller {

    private static final Logger log = LoggerFactory.getLogger(ImagePuller.class);

    static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(5);

    private final DockerClient client;

    ImagePuller(DockerClient client) {
        this.client = client;
    }

    /** Throws {@link ImagePullException}; a failure that means the engine itself is gone is rethrown as it came. */
    void pull(String image) {
        ImageReference ref = ImageReference.parse(image);
        log.info("Pulling image {}", image);
        long startNanos = System.nanoTime();
        Progress progress = new Progress(image);
        client.pullImageCmd(ref.repository()).withTag(ref.tag()).exec(progress);
        try {
            while (!progress.awaitCompletion(1, TimeUnit.SECONDS)) {
                if (progress.stalledFor().compareTo(STALL_TIMEOUT) > 0) {
                    progress.close();
                    throw new ImagePullException("Cannot pull image " + image + ": no progress for "
                            + STALL_TIMEOUT.toSeconds() + " s", null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(progress);
            throw new ImagePullException("Pull of image " + image + " interrupted", e);
        } catch (java.io.IOException e) {
            throw new ImagePullException("Cannot pull image " + image + ": " + e.getMessage(), e);
        }
        Throwable failure = progress.failure;
        if (failure != null) {
            if (EngineErrors.isUnreachable(failure)) {
                throw (failure instanceof RuntimeException r) ? r : new RuntimeException(failure);
            }
            String reason = failure instanceof DockerException d ? EngineErrors.engineMessage(d)
                    : EngineErrors.rootMessage(failure);
            throw new ImagePullException("Cannot pull image " + image + ": " + reason, failure);
        }
        if (progress.error != null) {
            throw new ImagePullException("Cannot pull image " + image + ": " + progress.error, null);
        }
        log.info("Pulled image {} in {} ms", image, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.debug("Closing a pull stream failed", e);
        }
    }

    private static final class Progress extends ResultCallback.Adapter<PullResponseItem> {
        private final String image;
        private final Set<String> layers = ConcurrentHashMap.newKeySet();
        private final Set<String> doneLayers = ConcurrentHashMap.newKeySet();
        /** Per layer: bytes downloaded and the layer's size, as the engine's "Downloading" progress says them. */
        private final java.util.Map<String, long[]> downloads = new ConcurrentHashMap<>();
        private volatile long lastProgressNanos = System.nanoTime();
        private volatile long lastLogNanos = System.nanoTime();
        volatile Throwable failure;
        volatile String error;

        Progress(String image) {
            this.image = image;
        }

        @Override
        public void onNext(PullResponseItem item) {
            lastProgressNanos = System.nanoTime();
            if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                error = item.getErrorDetail().getMessage();
                return;
            }
            if (item.getError() != null) {
                error = item.getError();
                return;
            }
            String status = item.getStatus() == null ? "" : item.getStatus();
            if (item.getId() != null && !status.startsWith("Pulling from")) {
                layers.add(item.getId());
                if (status.equals("Pull complete") || status.equals("Already exists")) {
                    doneLayers.add(item.getId());
                }
                var detail = item.getProgressDetail();
                if (status.equals("Downloading") && detail != null && detail.getCurrent() != null
                        && detail.getTotal() != null && detail.getTotal() > 0) {
                    downloads.put(item.getId(), new long[]{detail.getCurrent(), detail.getTotal()});
                } else if (status.equals("Download complete")) {
                    downloads.computeIfPresent(item.getId(), (id, d) -> new long[]{d[1], d[1]});
                }
            }
            log.debug("Pull {}: {} {} {}", image, item.getId(), status, item.getProgress() == null ? "" : item.getProgress());
            if (lastProgressNanos - lastLogNanos > PROGRESS_LOG_INTERVAL.toNanos()) {
                lastLogNanos = lastProgressNanos;
                long current = 0;
                long total = 0;
                for (long[] d : downloads.values()) {
                    current += d[0];
                    total += d[1];
                }
                log.info("Pulling image {}: {} of {} layers done, {} of {} MB downloaded", image, doneLayers.size(),
                        layers.size(), current / 1_000_000, total / 1_000_000);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // not super.onError, which logs at ERROR: the caller gets the reason in its exception
            failure = throwable;
            closeQuietly(this);
        }

        Duration stalledFor() {
            return Duration.ofNanos(System.nanoTime() - lastProgressNanos);
        }
    }
}
