package io.clair.core.ecosystem.aws;

import io.clair.core.index.Distribution;

/**
 * The Amazon Linux {@link Distribution} values shared by the distribution scanner and the ALAS updater, with
 * claircore's field values (including its CPEs, written as claircore binds them). Amazon Linux 1 had several
 * {@code YYYY.MM} releases but one security feed, so they all map to {@link #LINUX_1} ({@code 2018.03}).
 */
public final class AwsDistributions {
    public static final String DID = "amzn";

    /** Amazon Linux AMI (Amazon Linux 1), every {@code YYYY.MM} release. */
    public static final Distribution LINUX_1 = new Distribution("", DID, "Amazon Linux AMI", "2018.03", "", "2018.03",
            "", "cpe:/o:amazon:linux:2018.03:ga", "Amazon Linux AMI 2018.03");
    /** Amazon Linux 2. */
    public static final Distribution LINUX_2 = new Distribution("", DID, "Amazon Linux", "2", "", "2", "",
            "cpe:2.3:o:amazon:amazon_linux:2", "Amazon Linux 2");
    /** Amazon Linux 2023. */
    public static final Distribution LINUX_2023 = new Distribution("", DID, "Amazon Linux", "2023", "", "2023", "",
            "cpe:2.3:o:amazon:amazon_linux:2023", "Amazon Linux 2023");

    private AwsDistributions() {
    }
}
