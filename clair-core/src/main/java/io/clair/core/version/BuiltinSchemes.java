package io.clair.core.version;

import java.util.Map;
import java.util.Optional;

/** The schemes {@link VersionScheme#of} knows, by name. */
final class BuiltinSchemes {
    private static final Map<String, VersionScheme> SCHEMES = Map.of();

    private BuiltinSchemes() {
    }

    static Optional<VersionScheme> lookup(String name) {
        return Optional.ofNullable(SCHEMES.get(name));
    }
}
