package io.clair.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.clair.core.image.ImageResolver;
import io.clair.core.image.ResolvedImage;
import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.Vulnerability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The original Clair documentation's workflow, with curl and jq: post each layer of an image with its parent to
 * {@code /api/v1/layers}, then read the top layer's vulnerabilities and filter them by severity and by package.
 */
class LegacyWorkflowIT {

    @Test
    void curlAndJqAsTheDocumentationShows() throws Exception {
        E2e e2e = E2e.get();
        List<LayerDescriptor> layers;
        try (ResolvedImage image = ImageResolver.builder(ImageResolver.newHttpClient())
                .insecure(e2e.registry.host()).build().resolve(e2e.reference("debian"))) {
            layers = image.manifest().layers();
        }
        assertThat(layers).hasSize(2);
        String top = layers.get(1).hash().toString();
        Path script = e2e.work.resolve("legacy.sh");
        Files.writeString(script, """
                set -eu
                AUTH="Authorization: $TOKEN"
                curl -sf -X POST "$CLAIR/api/v1/layers" -H "$AUTH" -H "Content-Type: application/json" \\
                  -d '{"Layer":{"Name":"'$L1'","ParentName":"","Format":"Docker","Path":"'$P1'"}}' > /dev/null
                curl -sf -X POST "$CLAIR/api/v1/layers" -H "$AUTH" -H "Content-Type: application/json" \\
                  -d '{"Layer":{"Name":"'$L2'","ParentName":"'$L1'","Format":"Docker","Path":"'$P2'"}}' > /dev/null
                echo "== severe"
                curl -sf -H "$AUTH" "$CLAIR/api/v1/layers/$L2/vulnerabilities?pageSize=100000" \\
                  | jq -r '.Vulnerabilities[] | select(.Severity | test("High|Critical")) | .Name' | sort -u
                echo "== libc6"
                curl -sf -H "$AUTH" "$CLAIR/api/v1/layers/$L2/vulnerabilities?pageSize=100000" \\
                  | jq -r '.Vulnerabilities[] | select(.FeatureName == "libc6") | .Name' | sort -u
                echo "== namespaces"
                curl -sf -H "$AUTH" "$CLAIR/api/v1/namespaces" | jq -r '.Namespaces[].Name'
                """);
        Processes.Result r = Processes.run(List.of("bash", script.toString()), Map.of(
                "TOKEN", e2e.server.token("clairctl").substring("Bearer ".length()).replaceFirst("^", "Bearer "),
                "CLAIR", e2e.server.url().toString().replaceAll("/$", ""),
                "L1", layers.get(0).hash().toString(), "P1", layers.get(0).uri().toString(),
                "L2", top, "P2", layers.get(1).uri().toString()), null);
        assertThat(r.exit()).as(r.stderr()).isZero();
        String[] parts = r.stdout().split("== \\w+\\n", -1);
        Set<String> severe = lines(parts[1]);
        Set<String> libc6 = lines(parts[2]);
        Set<String> namespaces = lines(parts[3]);

        Map<String, Severity> severity = e2e.feedRecords.get("bookworm").stream()
                .collect(Collectors.toMap(Vulnerability::name, Vulnerability::normalizedSeverity, (a, b) -> a));
        Set<String> expectedSevere = new TreeSet<>();
        Set<String> expectedLibc6 = new TreeSet<>();
        for (String f : e2e.findings.get("debian")) {
            String[] p = f.split(" ");
            Severity s = severity.get(p[1]);
            if (s == Severity.High || s == Severity.Critical) {
                expectedSevere.add(p[1]);
            }
            if (p[0].equals("libc6")) {
                expectedLibc6.add(p[1]);
            }
        }
        assertThat(expectedSevere).isNotEmpty();
        assertThat(expectedLibc6).isNotEmpty();
        assertThat(severe).isEqualTo(expectedSevere);
        assertThat(libc6).isEqualTo(expectedLibc6);
        assertThat(namespaces).contains("debian:12", "alpine:v3.6", "alpine:v3.20");
    }

    private static Set<String> lines(String s) {
        return s.lines().map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }
}
