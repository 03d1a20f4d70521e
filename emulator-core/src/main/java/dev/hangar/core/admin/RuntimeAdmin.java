package dev.hangar.core.admin;

/** What the admin endpoints need of the container runtime, without emulator-core depending on Docker. */
public interface RuntimeAdmin {

    /**
     * @param detail    the engine version when available, else why not
     * @param container the container Hangar itself runs in on that engine (container mode), else null
     */
    record Health(boolean available, String engine, String detail, Container container) {
        public Health(boolean available, String engine, String detail) {
            this(available, engine, detail, null);
        }
    }

    /**
     * Container mode: Hangar runs in a container of the engine it drives.
     *
     * @param id      Hangar's container id (12 digits)
     * @param network the network function containers join to reach Hangar
     * @param address Hangar's address on it, which functions are given
     */
    record Container(String id, String network, String address) {
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
