package dev.hangar.ssm;

/** Everything ssm holds for one account and region. */
final class SsmRegion {

    final String account;
    final String region;

    SsmRegion(String account, String region) {
        this.account = account;
        this.region = region;
    }
}
