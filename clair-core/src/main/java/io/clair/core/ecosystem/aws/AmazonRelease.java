package io.clair.core.ecosystem.aws;

import io.clair.core.index.Distribution;

/**
 * The Amazon Linux releases that publish an ALAS feed, each with the mirror list its yum repository is found through
 * and the {@link Distribution} the Amazon distribution scanner reports for it.
 */
public enum AmazonRelease {
    AL1("http://repo.us-west-2.amazonaws.com/2018.03/updates/x86_64/mirror.list", AwsDistributions.LINUX_1),
    AL2("https://cdn.amazonlinux.com/2/core/latest/x86_64/mirror.list", AwsDistributions.LINUX_2),
    AL2023("https://cdn.amazonlinux.com/al2023/core/mirrors/latest/x86_64/mirror.list", AwsDistributions.LINUX_2023);

    private final String defaultMirrorList;
    private final Distribution distribution;

    AmazonRelease(String defaultMirrorList, Distribution distribution) {
        this.defaultMirrorList = defaultMirrorList;
        this.distribution = distribution;
    }

    /** Amazon's mirror list for this release: one repository base URL per line. */
    public String defaultMirrorList() {
        return defaultMirrorList;
    }

    public Distribution distribution() {
        return distribution;
    }

    /** {@code aws-<release>-updater}, for example {@code aws-AL2-updater}. */
    public String updaterName() {
        return "aws-" + name() + "-updater";
    }
}
