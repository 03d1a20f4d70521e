package dev.hangar.runtime;

/** Called on the runtime's event thread: keep it quick, hand real work to a pool. */
@FunctionalInterface
public interface ContainerEventListener {
    void onEvent(ContainerEvent event);
}
