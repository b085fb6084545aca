package io.clair.core.linux;

import io.clair.core.index.Distribution;
import io.clair.core.index.Environment;
import io.clair.core.index.Package;
import io.clair.core.index.Repository;
import io.clair.core.scan.CoalescedReport;
import io.clair.core.scan.Coalescer;
import io.clair.core.scan.LayerArtifacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coalescer for operating-system package databases (dpkg, apk, rpm): the packages present once every layer is
 * applied (see {@link PackageDbHistory}), tied to the distribution the image declares last and to the repositories
 * its layers name. With {@code attachDistribution} false it serves language packages, which belong to no
 * distribution; {@link #language(Repository)} also ties every package to the ecosystem's fixed registry.
 *
 * <p>A language scanner names each package's own metadata file as its {@link Package#packageDb()} (for example
 * {@code python:usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA}), so that a layer which adds one
 * package to a shared directory does not hide the others, while replacing or whiting out the file does.
 */
public final class LinuxCoalescer implements Coalescer {
    private final boolean attachDistribution;
    private final Repository defaultRepository;

    public LinuxCoalescer() {
        this(true);
    }

    public LinuxCoalescer(boolean attachDistribution) {
        this(attachDistribution, null);
    }

    private LinuxCoalescer(boolean attachDistribution, Repository defaultRepository) {
        this.attachDistribution = attachDistribution;
        this.defaultRepository = defaultRepository;
    }

    /**
     * The coalescer of a language ecosystem (python, java, go, npm, ruby, rust): no distribution, and every surviving
     * package's environment names {@code repository}, the registry its matchers select on (claircore's "default
     * repository"). The repository appears in the report only when at least one package survives.
     */
    public static LinuxCoalescer language(Repository repository) {
        return new LinuxCoalescer(false, java.util.Objects.requireNonNull(repository, "repository"));
    }

    @Override
    public CoalescedReport coalesce(List<LayerArtifacts> layers) {
        Distribution dist = null;
        List<PackageDbHistory.Survivor> survivors = PackageDbHistory.survivors(layers);
        Map<String, Repository> repos = new LinkedHashMap<>();
        if (defaultRepository != null && !survivors.isEmpty()) {
            repos.put(defaultRepository.identityKey(), defaultRepository);
        }
        for (LayerArtifacts a : layers) {
            if (!a.distributions().isEmpty()) {
                dist = a.distributions().get(a.distributions().size() - 1);
            }
            for (Repository r : a.repositories()) {
                repos.putIfAbsent(r.identityKey(), r);
            }
        }
        Map<String, Distribution> dists = new LinkedHashMap<>();
        String distId = "";
        if (dist != null && attachDistribution) {
            distId = "1";
            dists.put(distId, dist.withId(distId));
        }
        Map<String, Repository> repositories = new LinkedHashMap<>();
        List<String> repoIds = new ArrayList<>();
        int r = 0;
        for (Repository repo : repos.values()) {
            String id = Integer.toString(++r);
            repositories.put(id, repo.withId(id));
            repoIds.add(id);
        }
        Map<String, Package> packages = new LinkedHashMap<>();
        Map<String, List<Environment>> envs = new LinkedHashMap<>();
        Map<String, String> idByIdentity = new LinkedHashMap<>();
        for (PackageDbHistory.Survivor s : survivors) {
            String identity = PackageDbHistory.identity(s.pkg());
            String id = idByIdentity.computeIfAbsent(identity, k -> Integer.toString(idByIdentity.size() + 1));
            packages.putIfAbsent(id, s.pkg().withId(id));
            envs.computeIfAbsent(id, k -> new ArrayList<>()).add(new Environment(s.pkg().packageDb(),
                    s.introducedIn(), distId, repoIds));
        }
        return new CoalescedReport(packages, dists, repositories, envs);
    }
}
