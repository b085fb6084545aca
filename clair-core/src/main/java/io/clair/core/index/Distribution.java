package io.clair.core.index;

/**
 * The operating system of an image, from os-release and friends. Fields follow os-release names:
 * {@code did} is {@code ID}, {@code versionId} is {@code VERSION_ID}, {@code prettyName} is {@code PRETTY_NAME}.
 * Text fields are never null.
 */
public record Distribution(
        String id,
        String did,
        String name,
        String version,
        String versionCodeName,
        String versionId,
        String arch,
        String cpe,
        String prettyName) {

    public Distribution {
        id = Package.nz(id);
        did = Package.nz(did);
        name = Package.nz(name);
        version = Package.nz(version);
        versionCodeName = Package.nz(versionCodeName);
        versionId = Package.nz(versionId);
        arch = Package.nz(arch);
        cpe = Package.nz(cpe);
        prettyName = Package.nz(prettyName);
    }

    public Distribution withId(String newId) {
        return new Distribution(newId, did, name, version, versionCodeName, versionId, arch, cpe, prettyName);
    }

    /** Identity apart from the report id. */
    public String identityKey() {
        return String.join("\u0000", did, name, version, versionCodeName, versionId, arch, cpe, prettyName);
    }
}
