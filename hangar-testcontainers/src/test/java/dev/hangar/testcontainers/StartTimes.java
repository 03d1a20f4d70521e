package dev.hangar.testcontainers;

/**
 * bench/start_bench.py's probe of HangarContainer: starts and stops it N times (argument 1) and prints the
 * milliseconds from start() to ready of each, one line "HANGAR_START_MS n" per start. Not a test: speed is measured in bench/ only.
 */
public final class StartTimes {

    private StartTimes() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        for (int i = 0; i < count; i++) {
            try (HangarContainer hangar = new HangarContainer()) {
                long t0 = System.nanoTime();
                hangar.start();
                System.out.println("HANGAR_START_MS " + (System.nanoTime() - t0) / 1e6);
            }
        }
    }
}
