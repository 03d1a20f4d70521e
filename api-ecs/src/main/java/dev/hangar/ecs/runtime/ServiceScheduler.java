package dev.hangar.ecs.runtime;

import dev.hangar.core.time.HangarClock;
import dev.hangar.ecs.domain.DeploymentRecord;
import dev.hangar.ecs.domain.ServiceRecord;
import dev.hangar.ecs.domain.ServiceRollout;
import dev.hangar.ecs.domain.TaskRecord;
import dev.hangar.runtime.ContainerRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps services at their desired count. Nothing polls: a service is planned again when the API changes it, when one
 * of its tasks changes (the engine's events reach {@link TaskLifecycle}, which tells this observer), and at the
 * instants its plan names (a task's 40 s mark, the end of a throttle). Each service is planned by one runner at a
 * time, on the worker pool; requests for a plan while it runs make it run once more.
 */
public final class ServiceScheduler implements TaskObserver {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceScheduler.class);
    /** How long to wait before trying again while no engine answers (Hangar's clock). */
    static final Duration ENGINE_RETRY = Duration.ofSeconds(1);
    private static final int MAX_PER_LAUNCH = 10;

    /** Makes and launches tasks of a deployment (TaskFactory + EcsState + TaskLifecycle, in the service's region). */
    public interface Launcher {
        /** @throws RuntimeException ECS's exception when the tasks cannot be made (the message becomes an event) */
        List<TaskRecord> launch(ServiceRecord service, DeploymentRecord deployment, int count);
    }

    private final TaskLifecycle lifecycle;
    private final Launcher launcher;
    private final ContainerRuntime runtime;
    private final HangarClock clock;
    private final Executor workers;
    private final Map<String, ServiceRecord> byTask = new ConcurrentHashMap<>();
    private final Map<ServiceRecord, Runner> runners = new ConcurrentHashMap<>();

    public ServiceScheduler(TaskLifecycle lifecycle, Launcher launcher, ContainerRuntime runtime, HangarClock clock,
                            Executor workers) {
        this.lifecycle = lifecycle;
        this.launcher = launcher;
        this.runtime = runtime;
        this.clock = clock;
        this.workers = workers;
        lifecycle.addObserver(this);
    }

    /** Plan the service again soon (after an API change). */
    public void poke(ServiceRecord service) {
        runners.computeIfAbsent(service, Runner::new).request();
    }

    @Override
    public void changed(TaskRecord task) {
        ServiceRecord service = byTask.get(task.arn());
        if (service != null) {
            if (!task.active()) {
                byTask.remove(task.arn());
            }
            poke(service);
        }
    }

    public void reset() {
        runners.values().forEach(Runner::cancelTimer);
        runners.clear();
        byTask.clear();
    }

    /** One service's planning: runs on a worker, never twice at once; a request while running makes one more run. */
    private final class Runner {
        private final ServiceRecord service;
        /** 0 idle, 1 scheduled or running, 2 running and asked again. */
        private final AtomicInteger state = new AtomicInteger();
        private volatile HangarClock.Timer timer;
        private volatile Instant timerAt;

        Runner(ServiceRecord service) {
            this.service = service;
        }

        void request() {
            while (true) {
                int s = state.get();
                if (s == 2) {
                    return;
                }
                if (state.compareAndSet(s, s + 1)) {
                    if (s == 0) {
                        submit();
                    }
                    return;
                }
            }
        }

        private void submit() {
            try {
                workers.execute(this::run);
            } catch (RejectedExecutionException e) {
                state.set(0);
                LOG.debug("the worker pool refused a service plan (shutting down?)");
            }
        }

        private void run() {
            try {
                once();
            } catch (RuntimeException e) {
                LOG.warn("planning service {} failed", service.arn(), e);
            } finally {
                // asked again while running (2 → 1): one more run; else (1 → 0) idle
                if (state.decrementAndGet() > 0) {
                    submit();
                }
            }
        }

        private void once() {
            for (int round = 0; round < 3; round++) {
                Instant now = clock.now();
                ServiceRollout.Plan plan = service.plan(now);
                boolean engineDown = !plan.launches().isEmpty() && !runtime.status().available();
                stop(plan.stops(), now);
                if (!engineDown) {
                    launch(plan.launches(), now);
                }
                Instant wake = engineDown ? now.plus(ENGINE_RETRY) : plan.wakeAt();
                if (wake != null) {
                    wakeAt(wake, now);
                }
                if (plan.idle() || engineDown) {
                    return;
                }
            }
        }

        private void stop(List<ServiceRollout.Stop> stops, Instant now) {
            List<TaskRecord> running = new ArrayList<>();
            int pending = 0;
            for (ServiceRollout.Stop stop : stops) {
                TaskRecord task = stop.task();
                boolean wasRunning = task.countsAsRunning();
                if (task.requestStop(stop.code(), stop.reason(), now)) {
                    lifecycle.stop(task);
                    if (wasRunning) {
                        running.add(task);
                    } else {
                        pending++;
                    }
                }
            }
            if (!running.isEmpty() || pending > 0) {
                service.stopped(running, pending, now);
            }
        }

        private void launch(List<ServiceRollout.Launch> launches, Instant now) {
            for (ServiceRollout.Launch launch : launches) {
                int left = launch.count();
                while (left > 0) {
                    int n = Math.min(MAX_PER_LAUNCH, left);
                    left -= n;
                    List<TaskRecord> tasks;
                    try {
                        tasks = launcher.launch(service, launch.deployment(), n);
                    } catch (AwsServiceException e) {
                        service.launchFailed(e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                                ? e.awsErrorDetails().errorMessage() : e.getMessage(), now);
                        return;
                    } catch (RuntimeException e) {
                        LOG.warn("launching tasks of {} failed", service.arn(), e);
                        service.launchFailed("failed to launch a task with (error " + e.getMessage() + ").", now);
                        return;
                    }
                    tasks.forEach(t -> byTask.put(t.arn(), service));
                    service.launched(launch.deployment(), tasks, now);
                    tasks.forEach(lifecycle::launch);
                }
            }
        }

        private void wakeAt(Instant at, Instant now) {
            Instant current = timerAt;
            if (current != null && !current.isAfter(at) && current.isAfter(now)) {
                return;
            }
            cancelTimer();
            timerAt = at;
            Duration delay = Duration.between(now, at);
            timer = clock.schedule(this::request, delay.isNegative() ? Duration.ZERO : delay);
        }

        void cancelTimer() {
            HangarClock.Timer t = timer;
            if (t != null) {
                t.cancel();
            }
        }
    }
}
