package io.clair.core.ecosystem.apk;

/**
 * The fields of one package record of apk's installed database that Clair uses; absent fields are {@code ""}.
 *
 * @param line    line number of the record's first line, for messages
 * @param name    {@code P:}, the package name
 * @param version {@code V:}, the full version ({@code 1.36.1-r29})
 * @param arch    {@code A:}, the architecture
 * @param origin  {@code o:}, the aports package the binary was built from
 * @param commit  {@code c:}, the aports commit it was built at
 */
public record ApkRecord(int line, String name, String version, String arch, String origin, String commit) {
}
