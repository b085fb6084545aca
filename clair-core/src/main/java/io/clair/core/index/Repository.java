package io.clair.core.index;

/**
 * Where packages come from: a language registry ({@code pypi}, {@code maven}, ...), a CPE-named RHEL content set, and
 * so on. Matchers filter on {@code name}, {@code key} or {@code uri}. Text fields are never null.
 */
public record Repository(String id, String name, String key, String uri, String cpe) {
    public Repository {
        id = Package.nz(id);
        name = Package.nz(name);
        key = Package.nz(key);
        uri = Package.nz(uri);
        cpe = Package.nz(cpe);
    }

    public static Repository named(String name, String uri) {
        return new Repository("", name, "", uri, "");
    }

    public Repository withId(String newId) {
        return new Repository(newId, name, key, uri, cpe);
    }

    /** Identity apart from the report id. */
    public String identityKey() {
        return String.join("\u0000", name, key, uri, cpe);
    }
}
