package io.clair.core.ecosystem.npm;

import io.clair.core.osrelease.RootfsFixtures;
import io.clair.core.testing.TestCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tree with a real {@code node_modules}, installed once by npm from the registry and cached under
 * {@code ${java.io.tmpdir}/clair-testcache/lang-npm}: {@code lodash@4.17.15 minimist@1.2.0 express@4.17.1} in
 * {@value #APP}. Install scripts are not run.
 */
public final class NpmTree {
    public static final String APP = "opt/node-app";

    private NpmTree() {
    }

    public static Path get() {
        return TestCache.get("lang-npm", APP + "/node_modules", building -> {
            Path app = Files.createDirectories(building.resolve(APP));
            RootfsFixtures.write(app, "package.json", "{\"name\":\"node-app\",\"version\":\"1.0.0\",\"private\":true}\n");
            RootfsFixtures.run(List.of(RootfsFixtures.tool("npm", "npm"), "install", "--prefix", app.toString(),
                    "--no-audit", "--no-fund", "--ignore-scripts", "lodash@4.17.15", "minimist@1.2.0",
                    "express@4.17.1"));
        });
    }
}
