package io.clair.core.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clair.core.notify.Notification;
import io.clair.core.notify.NotificationCodec;
import io.clair.core.notify.NotificationPage;
import io.clair.core.notify.NotifierStore;
import io.clair.core.notify.Receipt;
import io.clair.core.notify.ReceiptStatus;
import io.clair.core.vuln.UpdateOperation;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The notifier's store in Postgres (schema {@code notifier}, Clair's tables): {@code notifier_update_operation}
 * marks processed operations, {@code notification} and {@code notification_body} hold the entries (one JSON
 * document each, as served), {@code receipt} the delivery state. A unique index on {@code receipt.uo_ref} makes
 * "one notification per operation" hold even if two replicas got past their locks.
 */
public final class JdbcNotifierStore implements NotifierStore {
    private static final int BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECEIPT_SELECT = "SELECT r.notification_id, r.uo_ref, u.updater, r.status, r.ts, "
            + "r.details FROM receipt r JOIN notifier_update_operation u ON u.uo_ref = r.uo_ref ";

    private final DataSource ds;

    public JdbcNotifierStore(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public boolean processed(UUID updateOperation) {
        return Jdbc.withConnection(ds, "notifier: processed", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM notifier_update_operation WHERE uo_ref = ?)")) {
                ps.setObject(1, updateOperation);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    @Override
    public void putNotifications(UUID notificationId, UpdateOperation uo, List<Notification> entries) {
        Jdbc.inTransaction(ds, "notifier: put notifications", c -> {
            insertHead(c, notificationId, uo);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO notification_body (id, notification_id, body) VALUES (?, ?, ?::jsonb)")) {
                int n = 0;
                for (Notification e : entries) {
                    ps.setObject(1, e.id());
                    ps.setObject(2, notificationId);
                    ps.setString(3, NotificationCodec.toJsonString(e));
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            insertReceipt(c, notificationId, uo, ReceiptStatus.CREATED);
            return null;
        });
    }

    @Override
    public void putReceipt(UUID notificationId, UpdateOperation uo, ReceiptStatus status) {
        Jdbc.inTransaction(ds, "notifier: put receipt", c -> {
            insertHead(c, notificationId, uo);
            insertReceipt(c, notificationId, uo, status);
            return null;
        });
    }

    private static void insertHead(Connection c, UUID notificationId, UpdateOperation uo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notifier_update_operation (uo_ref, updater) "
                + "VALUES (?, ?) ON CONFLICT (uo_ref) DO NOTHING")) {
            ps.setObject(1, uo.ref());
            ps.setString(2, uo.updater());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification (id) VALUES (?)")) {
            ps.setObject(1, notificationId);
            ps.executeUpdate();
        }
    }

    private static void insertReceipt(Connection c, UUID notificationId, UpdateOperation uo, ReceiptStatus status)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO receipt (notification_id, uo_ref, status) VALUES (?, ?, ?)")) {
            ps.setObject(1, notificationId);
            ps.setObject(2, uo.ref());
            ps.setString(3, status.wireName());
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Receipt> receipt(UUID notificationId) {
        return oneReceipt("WHERE r.notification_id = ?", notificationId);
    }

    @Override
    public Optional<Receipt> receiptByUpdateOperation(UUID updateOperation) {
        return oneReceipt("WHERE r.uo_ref = ?", updateOperation);
    }

    private Optional<Receipt> oneReceipt(String where, UUID key) {
        return Jdbc.withConnection(ds, "notifier: receipt", c -> {
            try (PreparedStatement ps = c.prepareStatement(RECEIPT_SELECT + where)) {
                ps.setObject(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(receipt(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<NotificationPage> page(UUID notificationId, UUID after, int size) {
        return Jdbc.withConnection(ds, "notifier: page", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM notification WHERE id = ?")) {
                ps.setObject(1, notificationId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                }
            }
            // one more than asked tells whether a next page exists without a second query
            String sql = "SELECT body::text FROM notification_body WHERE notification_id = ?"
                    + (after == null ? "" : " AND id > ?") + " ORDER BY id LIMIT ?";
            List<Notification> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setObject(i++, notificationId);
                if (after != null) {
                    ps.setObject(i++, after);
                }
                ps.setInt(i, size + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(NotificationCodec.fromJson(rs.getString(1)));
                    }
                }
            }
            boolean more = out.size() > size;
            List<Notification> page = more ? out.subList(0, size) : out;
            return Optional.of(new NotificationPage(page,
                    more ? Optional.of(page.get(page.size() - 1).id()) : Optional.empty()));
        });
    }

    @Override
    public List<Receipt> deliverable() {
        return Jdbc.withConnection(ds, "notifier: deliverable", c -> {
            List<Receipt> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(RECEIPT_SELECT
                    + "WHERE r.status IN ('created', 'delivery_failed') ORDER BY r.ts, r.notification_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(receipt(rs));
                }
            }
            return out;
        });
    }

    @Override
    public boolean setStatus(UUID notificationId, ReceiptStatus status, String details) {
        ObjectNode d = JSON.createObjectNode();
        if (details != null && !details.isEmpty()) {
            d.put("error", details);
        }
        return Jdbc.withConnection(ds, "notifier: set status", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE receipt SET status = ?, ts = now(), details = ?::jsonb WHERE notification_id = ?")) {
                ps.setString(1, status.wireName());
                ps.setString(2, d.toString());
                ps.setObject(3, notificationId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int collectGarbage(Instant cutoff) {
        return Jdbc.inTransaction(ds, "notifier: garbage collection", c -> {
            int n;
            // notification rows cascade to their bodies and receipt
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM notification n USING receipt r "
                    + "WHERE r.notification_id = n.id AND (r.status = 'deleted' "
                    + "OR (r.status <> 'created' AND r.ts < ?))")) {
                ps.setTimestamp(1, Timestamp.from(cutoff));
                n = ps.executeUpdate();
            }
            // an updater's newest processed operation stays as the mark that it needs no second notification
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM notifier_update_operation u "
                    + "WHERE NOT EXISTS (SELECT 1 FROM receipt r WHERE r.uo_ref = u.uo_ref) "
                    + "AND EXISTS (SELECT 1 FROM notifier_update_operation o WHERE o.updater = u.updater "
                    + "AND o.ts > u.ts)")) {
                ps.executeUpdate();
            }
            return n;
        });
    }

    private static Receipt receipt(ResultSet rs) throws SQLException {
        String details = "";
        String json = rs.getString(6);
        if (json != null) {
            try {
                details = JSON.readTree(json).path("error").asText("");
            } catch (IOException e) {
                details = json;
            }
        }
        return new Receipt(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                ReceiptStatus.fromWire(rs.getString(4)), rs.getTimestamp(5).toInstant(), details);
    }
}
