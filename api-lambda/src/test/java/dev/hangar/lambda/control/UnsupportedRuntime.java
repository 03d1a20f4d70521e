package dev.hangar.lambda.control;

import dev.hangar.runtime.ContainerEventListener;
import dev.hangar.runtime.ContainerHandle;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.ContainerState;
import dev.hangar.runtime.LogLine;
import dev.hangar.runtime.RuntimeStatus;

import java.time.Duration;
import java.util.function.Consumer;

/** A container runtime the control plane may only ask about images; anything else is a test failure. */
abstract class UnsupportedRuntime implements ContainerRuntime {

    @Override
    public RuntimeStatus status() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String instanceId() {
        return "lambda-control-test";
    }

    @Override
    public ContainerHandle create(ContainerSpec spec) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void start(String containerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stop(String containerId, Duration grace) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void remove(String containerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ContainerState inspect(String containerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public dev.hangar.runtime.ImageInfo inspectImage(String image) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AutoCloseable followLogs(String containerId, Consumer<LogLine> onLine) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addListener(ContainerEventListener listener) {
    }

    @Override
    public int removeAll() {
        return 0;
    }

    @Override
    public void close() {
    }
}
