package dev.hangar.core.admin;

/** What the admin endpoints need of the container runtime, without emulator-core depending on Docker. */
public interface RuntimeAdmin {

    /** @param detail the engine version when available, else why not */
    record Health(boolean available, String engine, String detail) {
    }

    Health health();

    /** Removes every container this Hangar started; returns how many. */
    int removeAllContainers();

    RuntimeAdmin NONE = new RuntimeAdmin() {
        @Override
        public Health health() {
            return new Health(false, "none", "no container runtime configured");
        }

        @Override
        public int removeAllContainers() {
            return 0;
        }
    };
}
