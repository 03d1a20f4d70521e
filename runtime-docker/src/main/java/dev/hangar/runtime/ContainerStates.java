package dev.hangar.runtime;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Reads docker-java's inspect answer into a {@link ContainerState}. */
final class ContainerStates {

    /** The engine reports "0001-01-01T00:00:00Z" for a time that has not happened. */
    private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

    private ContainerStates() {
    }

    static ContainerState gone(String id) {
        return new ContainerState(id, ContainerState.Status.GONE, null, false, null, null, List.of(), null);
    }

    static ContainerState from(InspectContainerResponse inspect) {
        InspectContainerResponse.ContainerState s = inspect.getState();
        ContainerState.Status status = status(s);
        String error = s == null || s.getError() == null || s.getError().isBlank() ? null : s.getError();
        Instant startedAt = s == null ? null : time(s.getStartedAt());
        Instant finishedAt = s == null ? null : time(s.getFinishedAt());
        // the engine stamps StartedAt after its start hooks: a process that exits at once can "finish" first
        if (startedAt != null && finishedAt != null && finishedAt.isBefore(startedAt)) {
            finishedAt = startedAt;
        }
        return new ContainerState(
                inspect.getId(),
                status,
                status == ContainerState.Status.EXITED && s.getExitCodeLong() != null ? s.getExitCodeLong().intValue() : null,
                s != null && Boolean.TRUE.equals(s.getOOMKilled()),
                startedAt,
                status == ContainerState.Status.RUNNING ? null : finishedAt,
                publishedPorts(inspect.getNetworkSettings()),
                error);
    }

    private static ContainerState.Status status(InspectContainerResponse.ContainerState s) {
        if (s == null || s.getStatus() == null) {
            return ContainerState.Status.CREATED;
        }
        return switch (s.getStatus()) {
            case "created" -> ContainerState.Status.CREATED;
            case "running", "paused", "restarting" -> ContainerState.Status.RUNNING;
            // "removing" is on its way to GONE; the process is already dead
            default -> ContainerState.Status.EXITED;
        };
    }

    static Instant time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant t = Instant.parse(value);
            return t.equals(NEVER) ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<ContainerSpec.PortMapping> publishedPorts(NetworkSettings network) {
        if (network == null || network.getPorts() == null) {
            return List.of();
        }
        List<ContainerSpec.PortMapping> out = new ArrayList<>();
        for (Map.Entry<ExposedPort, Ports.Binding[]> e : network.getPorts().getBindings().entrySet()) {
            if (e.getValue() == null) {
                continue; // exposed by the image but not published
            }
            for (Ports.Binding b : e.getValue()) {
                Integer hostPort = port(b.getHostPortSpec());
                if (hostPort != null) {
                    out.add(new ContainerSpec.PortMapping(e.getKey().getPort(), hostPort,
                            e.getKey().getProtocol().toString(), b.getHostIp()));
                }
            }
        }
        out.sort(Comparator.comparingInt(ContainerSpec.PortMapping::containerPort)
                .thenComparingInt(ContainerSpec.PortMapping::hostPort));
        return List.copyOf(out);
    }

    private static Integer port(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
