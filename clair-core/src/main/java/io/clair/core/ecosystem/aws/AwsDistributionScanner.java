package io.clair.core.ecosystem.aws;

import io.clair.core.index.Distribution;
import io.clair.core.layer.Layer;
import io.clair.core.osrelease.OsRelease;
import io.clair.core.osrelease.ReleaseFiles;
import io.clair.core.scan.DistributionScanner;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects Amazon Linux 1, 2 and 2023 from os-release ({@code ID=amzn} and {@code VERSION_ID} {@code 2018.03} or
 * another {@code YYYY.MM}, {@code 2}, {@code 2023}) as the {@link AwsDistributions} constants. Every Amazon Linux
 * image has an os-release file, so no other file is read. Other versions (the {@code 2022} preview of 2023) have no
 * security feed of their own and are logged and not reported.
 */
public final class AwsDistributionScanner implements DistributionScanner {
    private static final Logger LOG = LoggerFactory.getLogger(AwsDistributionScanner.class);

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public String version() {
        return "2";
    }

    @Override
    public List<Distribution> scan(Layer layer) throws IOException {
        Optional<OsRelease> os = ReleaseFiles.osRelease(layer);
        if (os.isEmpty() || !AwsDistributions.DID.equals(os.get().id())) {
            return List.of();
        }
        String v = os.get().versionId();
        if (v.equals("2")) {
            return List.of(AwsDistributions.LINUX_2);
        }
        if (v.equals("2023")) {
            return List.of(AwsDistributions.LINUX_2023);
        }
        if (v.matches("20\\d\\d\\.\\d\\d")) {
            return List.of(AwsDistributions.LINUX_1);
        }
        LOG.atInfo().addKeyValue("layer", layer.digest()).addKeyValue("VERSION_ID", v)
                .log("aws: Amazon Linux release without a security feed, ignoring it");
        return List.of();
    }
}
