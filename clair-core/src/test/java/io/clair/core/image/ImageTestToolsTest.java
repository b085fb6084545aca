package io.clair.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clair.core.testing.ExternalTool;
import org.junit.jupiter.api.Test;

/** The image tests fail, never skip, when a tool they run is missing, and say which package provides it. */
class ImageTestToolsTest {
    @Test
    void missingToolFailsNamingThePackage() {
        assertThatThrownBy(() -> ExternalTool.require("clair-no-such-tool", "clair-no-such-package"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("test needs `clair-no-such-tool`, which is not installed: apt-get install -y"
                        + " clair-no-such-package (CI installs it through .ci/install-tools.sh)");
    }

    @Test
    void theToolsTheImageTestsRunAreInstalled() {
        for (String tool : new String[] {"skopeo", "umoci", "docker-registry", "htpasswd"}) {
            assertThat(ExternalTool.require(tool)).isExecutable();
        }
    }
}
