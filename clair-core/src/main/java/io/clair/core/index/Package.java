package io.clair.core.index;

import io.clair.core.version.NormalizedVersion;
import java.util.Objects;

/**
 * A package found in an image, as claircore models it. Text fields are never null: absent values are {@code ""}.
 *
 * @param id                identifier within one report; {@code ""} until the package is stored or reported
 * @param name              package name as the ecosystem spells it
 * @param version           version as the ecosystem writes it
 * @param kind              binary (installed) or source
 * @param source            the source package this binary was built from, or null
 * @param normalizedVersion version in SQL-comparable form, or null where the scheme has none
 * @param module            module stream (RHEL modularity {@code name:stream}), or {@code ""}
 * @param arch              architecture, or {@code ""}
 * @param cpe               CPE 2.3 formatted string, or {@code ""}
 * @param packageDb         the database or file the package was read from, e.g. {@code var/lib/dpkg/status}
 * @param filepath          for language packages, the file that declares it
 * @param repositoryHint    scanner's hint for the repository scanner (e.g. an rpm repoid), or {@code ""}
 * @param purl              package URL for language and OS packages where one is known, or {@code ""}
 */
public record Package(
        String id,
        String name,
        String version,
        PackageKind kind,
        Package source,
        NormalizedVersion normalizedVersion,
        String module,
        String arch,
        String cpe,
        String packageDb,
        String filepath,
        String repositoryHint,
        String purl) {

    public Package {
        id = nz(id);
        name = Objects.requireNonNull(name, "name");
        version = nz(version);
        kind = kind == null ? PackageKind.BINARY : kind;
        module = nz(module);
        arch = nz(arch);
        cpe = nz(cpe);
        packageDb = nz(packageDb);
        filepath = nz(filepath);
        repositoryHint = nz(repositoryHint);
        purl = nz(purl);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    public static Builder builder(String name, String version) {
        return new Builder(name, version);
    }

    public Builder toBuilder() {
        return new Builder(name, version).id(id).kind(kind).source(source).normalizedVersion(normalizedVersion)
                .module(module).arch(arch).cpe(cpe).packageDb(packageDb).filepath(filepath)
                .repositoryHint(repositoryHint).purl(purl);
    }

    public Package withId(String newId) {
        return toBuilder().id(newId).build();
    }

    public Package withSource(Package newSource) {
        return toBuilder().source(newSource).build();
    }

    /** Identity of a package apart from where it was found and its report id, for de-duplication. */
    public String identityKey() {
        return name + '\u0000' + version + '\u0000' + kind.wireName() + '\u0000' + module + '\u0000' + arch;
    }

    /** Fluent construction for a record with many optional parts. */
    public static final class Builder {
        private String id = "";
        private final String name;
        private final String version;
        private PackageKind kind = PackageKind.BINARY;
        private Package source;
        private NormalizedVersion normalizedVersion;
        private String module = "";
        private String arch = "";
        private String cpe = "";
        private String packageDb = "";
        private String filepath = "";
        private String repositoryHint = "";
        private String purl = "";

        private Builder(String name, String version) {
            this.name = name;
            this.version = version;
        }

        public Builder id(String v) { this.id = v; return this; }
        public Builder kind(PackageKind v) { this.kind = v; return this; }
        public Builder source(Package v) { this.source = v; return this; }
        public Builder normalizedVersion(NormalizedVersion v) { this.normalizedVersion = v; return this; }
        public Builder module(String v) { this.module = v; return this; }
        public Builder arch(String v) { this.arch = v; return this; }
        public Builder cpe(String v) { this.cpe = v; return this; }
        public Builder packageDb(String v) { this.packageDb = v; return this; }
        public Builder filepath(String v) { this.filepath = v; return this; }
        public Builder repositoryHint(String v) { this.repositoryHint = v; return this; }
        public Builder purl(String v) { this.purl = v; return this; }

        public Package build() {
            return new Package(id, name, version, kind, source, normalizedVersion, module, arch, cpe, packageDb,
                    filepath, repositoryHint, purl);
        }
    }
}
