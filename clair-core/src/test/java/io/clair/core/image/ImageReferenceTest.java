package io.clair.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference parsing against Docker's normalization rules and skopeo's transport spellings. */
class ImageReferenceTest {
    private static final String D = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "alpine                                  | docker.io/library/alpine:latest",
        "alpine:3.20                             | docker.io/library/alpine:3.20",
        "library/alpine                          | docker.io/library/alpine:latest",
        "docker.io/alpine                        | docker.io/library/alpine:latest",
        "index.docker.io/library/alpine:3        | docker.io/library/alpine:3",
        "user/repo:tag                           | docker.io/user/repo:tag",
        "quay.io/projectquay/clair:4.7.4         | quay.io/projectquay/clair:4.7.4",
        "localhost:5000/x                        | localhost:5000/x:latest",
        "localhost/x:1                           | localhost/x:1",
        "localhost:5000                          | docker.io/library/localhost:5000",
        "[::1]:5000/x:y                          | [::1]:5000/x:y",
        "my-reg.example.com:443/a/b-c/d_e:1.0-rc | my-reg.example.com:443/a/b-c/d_e:1.0-rc",
        "docker://quay.io/a/b:c                  | quay.io/a/b:c",
        "127.0.0.1:5000/test/alpine@" + D + "    | 127.0.0.1:5000/test/alpine@" + D,
        "ghcr.io/org/app:v1@" + D + "            | ghcr.io/org/app:v1@" + D,
        "Registry.Example:5000/app               | Registry.Example:5000/app:latest",
    })
    void registryReferencesNormalizeLikeDocker(String text, String canonical) {
        ImageReference ref = ImageReference.parse(text);
        assertThat(ref).isInstanceOf(RegistryReference.class);
        assertThat(ref.canonical()).isEqualTo(canonical);
        assertThat(ImageReference.parse(ref.canonical())).isEqualTo(ref);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "docker.io/library/alpine:3.20 | docker.io   | library/alpine | 3.20   | registry-1.docker.io | 3.20",
        "127.0.0.1:5000/a/b@" + D + "  | 127.0.0.1:5000 | a/b         |        | 127.0.0.1:5000       | " + D,
    })
    void registryParts(String text, String registry, String repository, String tag, String apiHost, String ref) {
        RegistryReference r = RegistryReference.parse(text);
        assertThat(r.registry()).isEqualTo(registry);
        assertThat(r.repository()).isEqualTo(repository);
        assertThat(r.tag()).isEqualTo(tag);
        assertThat(r.apiHost()).isEqualTo(apiHost);
        assertThat(r.manifestReference()).isEqualTo(ref);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "oci:/tmp/layout                           | /tmp/layout   |",
        "oci:/tmp/layout:3.20                      | /tmp/layout   | 3.20",
        "oci:/tmp/l:docker.io/library/alpine:3.20  | /tmp/l        | docker.io/library/alpine:3.20",
    })
    void ociLayoutReferences(String text, String dir, String tag) {
        OciLayoutReference ref = (OciLayoutReference) ImageReference.parse(text);
        assertThat(ref.directory()).isEqualTo(Path.of(dir));
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ImageReference.parse(ref.canonical())).isEqualTo(ref);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "docker-archive:/tmp/a.tar                | /tmp/a.tar |",
        "docker-archive:/tmp/a.tar:alpine:3       | /tmp/a.tar | docker.io/library/alpine:3",
        "docker-archive:/tmp/a.tar:quay.io/x/y:1  | /tmp/a.tar | quay.io/x/y:1",
    })
    void dockerArchiveReferences(String text, String file, String image) {
        DockerArchiveReference ref = (DockerArchiveReference) ImageReference.parse(text);
        assertThat(ref.file()).isEqualTo(Path.of(file));
        assertThat(ref.image() == null ? null : ref.image().canonical()).isEqualTo(image);
        assertThat(ImageReference.parse(ref.canonical())).isEqualTo(ref);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "''                                   | image reference: empty",
        "Alpine                               | image reference: \"Alpine\": repository name must be lowercase",
        "alpine:                              | image reference: \"alpine:\": invalid tag \"\"",
        "alpine:-x                            | image reference: \"alpine:-x\": invalid tag \"-x\"",
        "alpine@sha256:abc                    | image reference: \"alpine@sha256:abc\": digest: sha256 needs 64",
        "alpine@md5:abc                       | image reference: \"alpine@md5:abc\": digest: unsupported algorithm",
        "quay.io/                             | image reference: \"quay.io/\": missing repository name",
        "quay.io/a//b                         | image reference: \"quay.io/a//b\": invalid repository name component",
        "localhost:99999/x                    | image reference: \"localhost:99999/x\": registry port 99999 is out",
        "bad_host.io:5000/x                   | image reference: \"bad_host.io:5000/x\": invalid registry host",
        "dir:/tmp/x                           | image reference: transport \"dir\" in \"dir:/tmp/x\" is not supported",
        "oci:                                 | image reference: \"oci:\": missing directory after oci:",
        "oci:/tmp/x:                          | image reference: \"oci:/tmp/x:\": empty tag after the directory",
        "docker-archive:                      | image reference: \"docker-archive:\": missing file",
        "docker-archive:/a.tar:               | image reference: \"docker-archive:/a.tar:\": empty name after the file",
        "docker-archive:/a.tar:x@" + D + "    | image reference: docker-archive selects images by name:tag, not by",
    })
    void malformedReferencesSayWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> ImageReference.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
