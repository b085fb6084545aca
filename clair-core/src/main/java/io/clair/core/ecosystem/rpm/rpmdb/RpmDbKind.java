package io.clair.core.ecosystem.rpm.rpmdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The three rpm database formats, each known by the name of its main file. {@link #id()} is the prefix claircore
 * writes into a package's database field ({@code bdb:var/lib/rpm}).
 */
public enum RpmDbKind {
    /** Berkeley DB hash, {@code Packages}: RHEL/CentOS up to 8, Amazon Linux 2, older SUSE. */
    BDB("bdb", "Packages", 16),
    /** SQLite, {@code rpmdb.sqlite}: rpm 4.16 and later (Fedora 33+, RHEL 9). */
    SQLITE("sqlite", "rpmdb.sqlite", 0),
    /** rpm's native NDB, {@code Packages.db}: SUSE since SLE 15 SP3 / openSUSE. */
    NDB("ndb", "Packages.db", 4);

    private final String id;
    private final String fileName;
    private final int magicBytes;

    RpmDbKind(String id, String fileName, int magicBytes) {
        this.id = id;
        this.fileName = fileName;
        this.magicBytes = magicBytes;
    }

    /** Short lowercase name: {@code bdb}, {@code sqlite} or {@code ndb}. */
    public String id() {
        return id;
    }

    /** The database's file name. */
    public String fileName() {
        return fileName;
    }

    /** How many leading bytes {@link #hasMagic(byte[])} needs; 0 when the kind is taken on its name alone. */
    public int magicBytes() {
        return magicBytes;
    }

    /**
     * True when a file of this kind's name starts with this kind's magic. {@code Packages} is a common name (apt
     * indexes, repository trees), so Berkeley DB and NDB files are recognized by content as claircore does; a file
     * named {@code rpmdb.sqlite} is taken on its name, and SQLite itself rejects one that is not a database.
     */
    public boolean hasMagic(byte[] head) {
        return switch (this) {
            case BDB -> BdbReader.hasMagic(head);
            case NDB -> NdbReader.hasMagic(head);
            case SQLITE -> true;
        };
    }

    /** Hands every header blob of the database at {@code path} (layer path {@code name}) to {@code sink}. */
    public void read(Path path, String name, HeaderSink sink) throws IOException {
        switch (this) {
            case BDB -> BdbReader.read(path, name, sink);
            case NDB -> NdbReader.read(path, name, sink);
            case SQLITE -> SqliteReader.read(path, name, sink);
        }
    }

    /** The kind whose main file is called {@code fileName}. */
    public static Optional<RpmDbKind> forFileName(String fileName) {
        for (RpmDbKind k : values()) {
            if (k.fileName.equals(fileName)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
