package io.clair.updater.notify;

import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.manifest.Digest;
import io.clair.core.notify.Notification;
import io.clair.core.notify.NotifierStore;
import io.clair.core.notify.Reason;
import io.clair.core.notify.VulnSummary;
import io.clair.core.store.jdbc.JdbcNotifierStore;
import io.clair.core.store.jdbc.Migrations;
import io.clair.core.testing.TestDatabase;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.Severity;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.UpdateOperation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Stored notifications for deliverer tests: a fresh Postgres notifier store and entries to put in it. */
final class Entries {
    private Entries() {
    }

    static NotifierStore store() {
        DataSource ds = TestDatabase.createDataSource();
        Migrations.migrate(ds, "notifier");
        return new JdbcNotifierStore(ds);
    }

    static List<Notification> some(int n) {
        List<Notification> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Package pkg = Package.builder("musl", "").kind(PackageKind.SOURCE).build();
            out.add(new Notification(UUID.randomUUID(),
                    Digest.of("sha256", ("manifest " + i).getBytes(StandardCharsets.UTF_8)), Reason.ADDED,
                    new VulnSummary("CVE-2099-" + (1000 + i), "", pkg, null, null, Severity.Medium, "1.1.16-r16",
                            "https://security.alpinelinux.org/vuln/CVE-2099-" + (1000 + i))));
        }
        return out;
    }

    /** Stores {@code entries} as the notification of a new update operation; returns its id. */
    static UUID put(NotifierStore store, List<Notification> entries) {
        UUID id = UUID.randomUUID();
        store.putNotifications(id, new UpdateOperation(UUID.randomUUID(), "alpine-main-v3.6-updater",
                new Fingerprint("x"), Instant.now(), UpdateKind.VULNERABILITY), entries);
        return id;
    }
}
