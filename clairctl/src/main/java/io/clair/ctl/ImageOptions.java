package io.clair.ctl;

import io.clair.core.image.DockerConfig;
import io.clair.core.image.ImageResolver;
import io.clair.core.image.Platform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How images are resolved: registry credentials from {@code ~/.docker/config.json} ({@code DOCKER_CONFIG} moves
 * it), plain HTTP for {@code --insecure-registry} hosts (loopback registries always), and the platform picked
 * from multi-platform images.
 */
final class ImageOptions {
    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "Speak plain HTTP to this registry (repeatable; localhost and 127.0.0.1 always are).")
    List<String> insecure = new ArrayList<>();

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", defaultValue = "linux/amd64",
            description = "Platform to pick from multi-platform images (default: ${DEFAULT-VALUE}).")
    String platform;

    ImageResolver resolver(ClairCtl root, Path tempDir) {
        DockerConfig docker;
        try {
            String dir = root.console().env("DOCKER_CONFIG");
            docker = dir != null ? DockerConfig.load(Path.of(dir, "config.json")) : DockerConfig.loadDefault();
        } catch (IOException e) {
            throw new CtlException(e.getMessage(), e);
        }
        Platform p;
        try {
            p = Platform.parse(platform);
        } catch (IllegalArgumentException e) {
            throw new CtlException("--platform: " + e.getMessage(), e);
        }
        ImageResolver.Builder b = ImageResolver.builder(ImageResolver.newHttpClient()).dockerConfig(docker)
                .platform(p).tempDir(tempDir);
        insecure.forEach(b::insecure);
        return b.build();
    }
}
