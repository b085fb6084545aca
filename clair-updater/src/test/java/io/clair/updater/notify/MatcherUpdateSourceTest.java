package io.clair.updater.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.clair.api.client.ClairClient;
import io.clair.api.mapping.V4Mapper;
import io.clair.api.v4.UpdateDiffDto;
import io.clair.api.v4.UpdateOperationDto;
import io.clair.core.notify.AlpineUpdates;
import io.clair.core.notify.UpdateSource;
import io.clair.core.store.memory.InMemoryVulnerabilityStore;
import io.clair.core.vuln.Fingerprint;
import io.clair.core.vuln.UpdateDiff;
import io.clair.core.vuln.UpdateKind;
import io.clair.core.vuln.UpdateOperation;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Following a matcher over HTTP gives what reading its store gives: a loopback server answers the matcher's
 * internal {@code update_operation} and {@code update_diff} from a store holding two runs of the real Alpine feed.
 */
class MatcherUpdateSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryVulnerabilityStore store = new InMemoryVulnerabilityStore();
    private HttpServer matcher;

    @AfterEach
    void stop() {
        if (matcher != null) {
            matcher.stop(0);
        }
    }

    private void serve() throws IOException {
        matcher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        matcher.createContext("/matcher/api/v1/internal/update_operation", ex -> {
            Map<String, List<UpdateOperationDto>> body = new LinkedHashMap<>();
            store.updateOperations(UpdateKind.VULNERABILITY, false).forEach((u, ops) ->
                    body.put(u, ops.stream().map(V4Mapper::updateOperation).toList()));
            respond(ex, JSON.writeValueAsBytes(body));
        });
        matcher.createContext("/matcher/api/v1/internal/update_diff", ex -> {
            Map<String, String> q = new LinkedHashMap<>();
            for (String kv : ex.getRequestURI().getQuery().split("&")) {
                q.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            UpdateDiff d = store.diff(q.containsKey("prev") ? UUID.fromString(q.get("prev")) : null,
                    UUID.fromString(q.get("cur")));
            respond(ex, JSON.writeValueAsBytes(new UpdateDiffDto(V4Mapper.updateOperation(d.prev()),
                    V4Mapper.updateOperation(d.cur()), d.added().stream().map(V4Mapper::vulnerability).toList(),
                    d.removed().stream().map(V4Mapper::vulnerability).toList())));
        });
        matcher.start();
    }

    private static void respond(HttpExchange ex, byte[] body) throws IOException {
        try (ex) {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }

    private static List<String> describe(List<Vulnerability> vs) {
        return vs.stream().map(v -> v.name() + " " + v.pkg().name() + " " + v.pkg().kind() + " " + v.fixedInVersion()
                + " " + v.distribution().version() + " " + v.normalizedSeverity()).sorted().toList();
    }

    @Test
    void operationsAndDiffsMatchTheStores() throws Exception {
        store.recordUpdate(AlpineUpdates.UPDATER, new Fingerprint("1"), AlpineUpdates.real(), null);
        store.recordUpdate(AlpineUpdates.UPDATER, new Fingerprint("2"), AlpineUpdates.realPlus(Map.of(
                "musl", Map.of("1.1.16-r16", List.of("CVE-2099-0001")))), null);
        serve();
        UpdateSource local = UpdateSource.of(store);
        UpdateSource remote = new MatcherUpdateSource(new ClairClient(URI.create("http://127.0.0.1:"
                + matcher.getAddress().getPort() + "/")));

        Map<String, List<UpdateOperation>> ops = remote.operations();
        assertThat(ops).isEqualTo(local.operations());
        List<UpdateOperation> newestFirst = ops.get(AlpineUpdates.UPDATER);
        assertThat(newestFirst).hasSize(2);

        UpdateDiff want = local.diff(newestFirst.get(1).ref(), newestFirst.get(0).ref());
        UpdateDiff got = remote.diff(newestFirst.get(1).ref(), newestFirst.get(0).ref());
        assertThat(got.cur()).isEqualTo(want.cur());
        assertThat(got.prev()).isEqualTo(want.prev());
        assertThat(describe(got.added())).containsExactly("CVE-2099-0001 musl SOURCE 1.1.16-r16 3.6 Unknown")
                .isEqualTo(describe(want.added()));
        assertThat(got.removed()).isEmpty();

        UpdateDiff first = remote.diff(null, newestFirst.get(1).ref());
        assertThat(first.prev()).isNull();
        assertThat(describe(first.added())).isEqualTo(describe(AlpineUpdates.real()));
    }
}
