package io.clair.core.update;

import io.clair.core.plugin.PluginContext;
import java.util.Objects;

/**
 * Base of the updater sets that read one configuration section, named after the set, and fetch their feeds over
 * HTTP: it owns the set name, the typed configuration and the set's {@link HttpSource}, so that a subclass only says
 * which updaters the configuration (or upstream's index) calls for.
 *
 * @param <C> the set's configuration record
 */
public abstract class FeedUpdaterFactory<C> implements UpdaterFactory {
    private final String name;
    protected final C config;
    protected final HttpSource source;

    protected FeedUpdaterFactory(PluginContext ctx, String name, Class<C> configType) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = ctx.config(name, configType);
        this.source = new HttpSource(ctx, name);
    }

    @Override
    public final String name() {
        return name;
    }
}
