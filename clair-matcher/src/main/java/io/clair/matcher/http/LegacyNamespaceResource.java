package io.clair.matcher.http;

import io.clair.api.legacy.FeatureV1;
import io.clair.api.legacy.NamespaceEnvelope;
import io.clair.api.legacy.NamespaceV1;
import io.clair.api.legacy.NamespacesEnvelope;
import io.clair.api.legacy.VulnerabilitiesEnvelope;
import io.clair.api.legacy.VulnerabilityEnvelope;
import io.clair.api.legacy.VulnerabilityV1;
import io.clair.api.mapping.LegacyMapper;
import io.clair.api.mapping.LegacyNames;
import io.clair.core.index.Distribution;
import io.clair.core.store.VulnerabilityStore;
import io.clair.core.vuln.Vulnerability;
import io.clair.service.http.ApiErrors;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Clair v2's namespace and vulnerability API over the current vulnerability data. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyNamespaceResource {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 10_000;
    private final VulnerabilityStore store;

    LegacyNamespaceResource(VulnerabilityStore store) {
        this.store = store;
    }

    @GET
    @Path("namespaces")
    public NamespacesEnvelope namespaces() {
        return new NamespacesEnvelope(List.copyOf(namespaceMap().values()));
    }

    @GET
    @Path("namespaces/{ns}")
    public Response namespace(@PathParam("ns") String ns) {
        NamespaceV1 n = namespaceMap().get(ns);
        return n == null ? ApiErrors.response("/api/v1/namespaces", 404, "namespace " + ns + " not found")
                : Response.ok(new NamespaceEnvelope(n)).build();
    }

    @GET
    @Path("vulnerabilities/{ns}/{name}")
    public Response vulnerability(@PathParam("ns") String ns, @PathParam("name") String name) {
        List<Vulnerability> records = store.byName(name).stream()
                .filter(v -> v.distribution() != null && LegacyNames.namespace(v.distribution(), null).equals(ns))
                .toList();
        if (records.isEmpty()) {
            return ApiErrors.response("/api/v1/vulnerabilities", 404, "vulnerability " + name + " not found in " + ns);
        }
        VulnerabilityV1 first = LegacyMapper.vulnerability(records.get(0), ns);
        List<FeatureV1> fixedIn = records.stream().map(LegacyMapper::fixedIn).distinct().toList();
        return Response.ok(new VulnerabilityEnvelope(new VulnerabilityV1(first.name(), ns, first.description(),
                first.link(), first.severity(), null, null, fixedIn))).build();
    }

    /**
     * Every vulnerability of a distribution ({@code debian}) or one of its namespaces ({@code debian:12}), a page at
     * a time; {@code NextPage} is the token for the next page.
     */
    @GET
    @Path("vulnerabilities/os/{distro}")
    public Response byOs(@PathParam("distro") String distro, @QueryParam("limit") Integer limit,
            @QueryParam("page") String page) {
        int n = limit == null || limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        long after;
        try {
            after = page == null || page.isEmpty() ? 0 : Long.parseLong(page);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("page: not a page token: " + page);
        }
        String did = LegacyNames.didOf(distro);
        String version = "";
        if (distro.contains(":")) {
            version = distro.substring(distro.indexOf(':') + 1);
            if (did.equals("alpine") && version.startsWith("v")) {
                version = version.substring(1);
            }
        }
        List<Vulnerability> rows = store.page(did, version, after, n + 1);
        List<VulnerabilityV1> out = new ArrayList<>();
        for (Vulnerability v : rows.subList(0, Math.min(n, rows.size()))) {
            VulnerabilityV1 base = LegacyMapper.vulnerability(v, distro);
            out.add(new VulnerabilityV1(base.name(), base.namespaceName(), base.description(), base.link(),
                    base.severity(), null, base.fixedBy(), List.of(LegacyMapper.fixedIn(v))));
        }
        String next = rows.size() > n ? rows.get(n - 1).id() : null;
        return Response.ok(new VulnerabilitiesEnvelope<>(out, next)).build();
    }

    private Map<String, NamespaceV1> namespaceMap() {
        Map<String, NamespaceV1> out = new TreeMap<>();
        for (Distribution d : store.distributions()) {
            String name = LegacyNames.namespace(d, null);
            out.putIfAbsent(name, new NamespaceV1(name, LegacyNames.versionFormat(d, null)));
        }
        return out;
    }
}
