package io.clair.core.plugin;

import io.clair.core.match.Enricher;
import io.clair.core.match.Matcher;
import io.clair.core.scan.Ecosystem;
import io.clair.core.scan.VersionedScanner;
import io.clair.core.update.UpdaterFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/** The set of installed plugins, loaded once with {@link ServiceLoader}, and the components they contribute. */
public final class Plugins {
    private final List<ClairPlugin> plugins;

    private Plugins(List<ClairPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
        unique(this.plugins, ClairPlugin::name, p -> p.getClass().getName(), "plugin");
    }

    /** Every plugin on the class path of {@code loader}, sorted by name. */
    public static Plugins load(ClassLoader loader) {
        List<ClairPlugin> found = new ArrayList<>();
        ServiceLoader.load(ClairPlugin.class, loader).forEach(found::add);
        found.sort(Comparator.comparing(ClairPlugin::name));
        return new Plugins(found);
    }

    public static Plugins load() {
        return load(Plugins.class.getClassLoader());
    }

    public static Plugins of(List<ClairPlugin> plugins) {
        return new Plugins(plugins);
    }

    public List<ClairPlugin> all() {
        return plugins;
    }

    public List<String> names() {
        return plugins.stream().map(ClairPlugin::name).toList();
    }

    /** Every ecosystem; scanner names must be unique unless two ecosystems share the very same scanner class. */
    public List<Ecosystem> ecosystems(PluginContext ctx) {
        List<Ecosystem> out = new ArrayList<>();
        Map<String, String> scannerOwner = new HashMap<>();
        for (ClairPlugin p : plugins) {
            for (Ecosystem e : p.ecosystems(ctx)) {
                for (VersionedScanner s : e.scanners()) {
                    String owner = p.name() + "/" + s.getClass().getName();
                    String prev = scannerOwner.putIfAbsent(s.name(), owner);
                    if (prev != null && !prev.endsWith("/" + s.getClass().getName())) {
                        throw new IllegalStateException("plugins: scanner name \"" + s.name() + "\" used by both "
                                + prev + " and " + owner);
                    }
                }
                out.add(e);
            }
        }
        return out;
    }

    public List<Matcher> matchers(PluginContext ctx) {
        List<Matcher> out = new ArrayList<>();
        for (ClairPlugin p : plugins) {
            out.addAll(p.matchers(ctx));
        }
        unique(out, Matcher::name, m -> m.getClass().getName(), "matcher");
        return out;
    }

    public List<Enricher> enrichers(PluginContext ctx) {
        List<Enricher> out = new ArrayList<>();
        for (ClairPlugin p : plugins) {
            out.addAll(p.enrichers(ctx));
        }
        unique(out, Enricher::name, e -> e.getClass().getName(), "enricher");
        return out;
    }

    public List<UpdaterFactory> updaterFactories(PluginContext ctx) {
        List<UpdaterFactory> out = new ArrayList<>();
        for (ClairPlugin p : plugins) {
            out.addAll(p.updaterFactories(ctx));
        }
        unique(out, UpdaterFactory::name, f -> f.getClass().getName(), "updater set");
        return out;
    }

    private static <T> void unique(List<T> items, Function<T, String> name, Function<T, String> owner, String what) {
        Map<String, String> seen = new HashMap<>();
        for (T t : items) {
            String prev = seen.putIfAbsent(name.apply(t), owner.apply(t));
            if (prev != null) {
                throw new IllegalStateException("plugins: " + what + " name \"" + name.apply(t) + "\" used by both "
                        + prev + " and " + owner.apply(t));
            }
        }
    }
}
