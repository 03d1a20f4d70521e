package dev.hangar.server;

/** Hangar's version, from the fat jar's manifest ("dev" when run from classes). */
final class Version {

    private Version() {
    }

    static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
