package io.clair.updater;

import io.clair.core.testing.FeedServer;
import io.clair.core.testing.TestData;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;

/** Real feed files from the shared test data, served locally as the updaters' sources. */
public class LocalFeeds implements QuarkusTestResourceLifecycleManager {
    static FeedServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new FeedServer()
                    .serve("/alpine/v3.6/main.json", TestData.path("alpine/secdb/v3.6/main.json"))
                    .serve("/alpine/v3.6/community.json", TestData.path("alpine/secdb/v3.6/community.json"))
                    .serve("/alpine/v3.8/main.json", TestData.path("alpine/secdb/v3.8/main.json"))
                    .serve("/alpine/v3.8/community.json", TestData.path("alpine/secdb/v3.8/community.json"))
                    .serve("/debian/json", TestData.path("debian/tracker/debian.json"))
                    .serve("/ubuntu/com.ubuntu.jammy.cve.oval.xml", TestData.path("ubuntu/fetcher_ubuntu_test.xml"))
                    .serve("/osv/PyPI/all.zip", TestData.path("osv/PyPI-all.zip"))
                    .serve("/osv/Go/all.zip", TestData.path("osv/Go-all.zip"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.ofEntries(
                Map.entry("clair.updater.enabled", "false"),
                Map.entry("clair.updater.sets", "alpine,debian,ubuntu,osv"),
                Map.entry("clair.updaters.alpine.url", server.url("/alpine/")),
                Map.entry("clair.updaters.alpine.releases", "v3.6,v3.8"),
                Map.entry("clair.updaters.debian.json_url", server.url("/debian/json")),
                Map.entry("clair.updaters.ubuntu.url", server.url("/ubuntu/")),
                Map.entry("clair.updaters.ubuntu.series", "jammy"),
                Map.entry("clair.updaters.ubuntu.use_bzip2", "false"),
                Map.entry("clair.updaters.osv.url", server.url("/osv/")),
                Map.entry("clair.updaters.osv.allowlist", "PyPI,Go"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
