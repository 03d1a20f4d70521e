package dev.hangar.runtime;

/** Called on the runtime's event thread: keep it quick, hand real work to a pool. */
@FunctionalInterface
public interface ContainerEventListener {
    void onEvent(ContainerEvent event);

    /**
     * Whether this listener wants a container's oom event before its die event, which costs a die with exit code
     * 137 and no oom event yet a wait of up to half a second (a {@code docker kill} then waits in full). A listener
     * that can amend its record when an oom event comes late answers false and gets every event at once.
     */
    default boolean wantsOomBeforeDie() {
        return true;
    }
}
