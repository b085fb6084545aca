package io.clair.ctl;

import static io.clair.ctl.CtlRun.clairctl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clair.core.testing.FeedServer;
import io.clair.core.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --local --update} with no updater sets configured runs only the updaters whose data can match the
 * image: the Alpine secdb for an Alpine image, not the Debian tracker nor any other feed.
 */
class UpdateForTheImageTest {
    @TempDir
    Path tmp;

    @Test
    void onlyTheImagesOwnFeedIsFetched() throws Exception {
        Path layout = AlpineImages.ociLayout(tmp.resolve("layout"));
        try (FeedServer feeds = new FeedServer()) {
            feeds.serve("/alpine/v3.6/main.json", TestData.path("alpine/secdb/v3.6/main.json"))
                    .serve("/alpine/v3.6/community.json", TestData.path("alpine/secdb/v3.6/community.json"))
                    .serve("/debian/json", TestData.path("debian/tracker/debian.json"));
            Path config = tmp.resolve("config.yaml");
            Files.writeString(config, "updaters:\n  config:\n    alpine:\n      url: " + feeds.url("/alpine/")
                    + "\n      releases: [v3.6]\n    debian:\n      json_url: " + feeds.url("/debian/json") + "\n");
            CtlRun.Result r = clairctl().run("report", "--config", config.toString(), "--local", "--update",
                    "--database-url", TestDb.create(), "-o", "json", "oci:" + layout + ":3.6");
            assertThat(r.exit()).as(r.toString()).isIn(0, 1);
            JsonNode report = AlpineImages.JSON.readTree(r.out());
            assertThat(report.get("packages").size()).isEqualTo(AlpineImages.apkInfo().size());
            assertThat(feeds.fullResponses("/alpine/v3.6/main.json")).isEqualTo(1);
            assertThat(feeds.fullResponses("/debian/json")).as("the Debian feed is not needed").isZero();
            assertThat(r.err()).contains("updaters: 2 run");
        }
    }
}
