package io.clair.core.version;

import io.clair.core.version.apk.ApkScheme;
import io.clair.core.version.dpkg.DpkgScheme;
import io.clair.core.version.gem.GemScheme;
import io.clair.core.version.go.GoScheme;
import io.clair.core.version.maven.MavenScheme;
import io.clair.core.version.pep440.Pep440Scheme;
import io.clair.core.version.rpm.RpmScheme;
import io.clair.core.version.semver.SemVerScheme;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The schemes {@link VersionScheme#of} knows, by name. They are stateless, so one instance each is shared. */
final class BuiltinSchemes {
    private static final Map<String, VersionScheme> SCHEMES = Stream.of(
                    new DpkgScheme(), new RpmScheme(), new ApkScheme(), new Pep440Scheme(), new SemVerScheme(),
                    new MavenScheme(), new GoScheme(), new GemScheme())
            .collect(Collectors.toUnmodifiableMap(VersionScheme::name, Function.identity()));

    private BuiltinSchemes() {
    }

    static Optional<VersionScheme> lookup(String name) {
        return Optional.ofNullable(SCHEMES.get(name));
    }
}
