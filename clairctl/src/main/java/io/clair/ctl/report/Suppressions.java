package io.clair.ctl.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Findings a team has reviewed and accepted for a while: a YAML or JSON file listing entries
 * {@code {id: CVE-..., package: name (optional), reason: text, expires: YYYY-MM-DD}}, either as a top-level list
 * or under a {@code suppressions:} key. Every entry needs a reason and an expiry date, so that the list gets
 * reviewed; an entry is in force through its expiry date and ignored (with a warning) after it.
 *
 * <p>An entry matches a finding whose vulnerability name is {@code id} (case-insensitive), and, when
 * {@code package} is given, whose package or source package has that name. The file is checked strictly: an
 * unknown key (a typo like {@code expiry}) is an error rather than a suppression that silently never applies.
 */
public final class Suppressions {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("id", "package", "reason", "expires");

    /** One suppression; {@code pkg} is null when it applies to every package. */
    public record Entry(String id, String pkg, String reason, LocalDate expires) {
        public boolean matches(Finding f) {
            if (!sameName(f.vulnerability().name())) {
                return false;
            }
            if (pkg == null) {
                return true;
            }
            return pkg.equals(f.pkg().name()) || (f.pkg().source() != null && pkg.equals(f.pkg().source().name()));
        }

        private boolean sameName(String name) {
            if (name == null) {
                return false;
            }
            for (String token : name.split("\\s+")) {
                if (token.equalsIgnoreCase(id)) {
                    return true;
                }
            }
            return false;
        }

        /** {@code CVE-1 (package musl)}, for messages. */
        public String describe() {
            return id + (pkg == null ? "" : " (package " + pkg + ")");
        }
    }

    private final List<Entry> active;
    private final List<Entry> expired;

    private Suppressions(List<Entry> active, List<Entry> expired) {
        this.active = List.copyOf(active);
        this.expired = List.copyOf(expired);
    }

    public static Suppressions none() {
        return new Suppressions(List.of(), List.of());
    }

    /** Entries in force on {@code today} and those past their expiry date. */
    public static Suppressions of(List<Entry> entries, LocalDate today) {
        List<Entry> active = new ArrayList<>();
        List<Entry> expired = new ArrayList<>();
        for (Entry e : entries) {
            (e.expires().isBefore(today) ? expired : active).add(e);
        }
        return new Suppressions(active, expired);
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException with one line starting {@code suppressions <file>:} that says what is wrong and where
     */
    public static Suppressions load(Path file, LocalDate today) throws IOException {
        String where = "suppressions " + file + ": ";
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IOException(where + "no such file", e);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new IOException(where + "not valid YAML or JSON: " + at + e.getOriginalMessage().strip()
                    .replace('\n', ' '), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return of(List.of(), today);
        }
        if (root.isObject()) {
            if (root.size() != 1 || !root.has("suppressions")) {
                throw new IOException(where + "expected a list of entries, or a mapping with only"
                        + " \"suppressions:\"");
            }
            root = root.get("suppressions");
        }
        if (!root.isArray()) {
            throw new IOException(where + "expected a list of entries {id, package, reason, expires}");
        }
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root) {
            entries.add(entry(n, where + "entry " + (i + 1) + ": "));
            i++;
        }
        return of(entries, today);
    }

    private static Entry entry(JsonNode n, String where) throws IOException {
        if (!n.isObject()) {
            throw new IOException(where + "expected a mapping {id, package, reason, expires}");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IOException(where + "unknown key \"" + key + "\" (allowed: id, package, reason, expires)");
            }
        }
        String id = text(n, "id", where).orElseThrow(() -> new IOException(where + "\"id\" is required"));
        String pkg = text(n, "package", where).orElse(null);
        String reason = text(n, "reason", where).orElseThrow(() -> new IOException(where + "\"reason\" is"
                + " required: say why " + id + " is accepted"));
        String expires = text(n, "expires", where).orElseThrow(() -> new IOException(where + "\"expires\" is"
                + " required (YYYY-MM-DD), so that " + id + " gets reviewed again"));
        try {
            return new Entry(id, pkg, reason, LocalDate.parse(expires));
        } catch (DateTimeParseException e) {
            throw new IOException(where + "\"expires\" is \"" + expires + "\", not a date like 2025-12-31", e);
        }
    }

    private static Optional<String> text(JsonNode n, String key, String where) throws IOException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new IOException(where + "\"" + key + "\" must be a non-empty " + (key.equals("expires")
                    ? "date" : "text"));
        }
        return Optional.of(v.asText().strip());
    }

    /** The entry in force that hides {@code f}, if any. */
    public Optional<Entry> match(Finding f) {
        return active.stream().filter(e -> e.matches(f)).findFirst();
    }

    public List<Entry> active() {
        return active;
    }

    /** Entries past their expiry date: ignored, and worth a warning. */
    public List<Entry> expired() {
        return expired;
    }

    public boolean isEmpty() {
        return active.isEmpty() && expired.isEmpty();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Suppressions[%d active, %d expired]", active.size(), expired.size());
    }
}
