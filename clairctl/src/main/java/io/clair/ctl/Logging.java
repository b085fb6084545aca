package io.clair.ctl;

import java.util.logging.Level;
import java.util.logging.LogManager;

/**
 * Logging for a command-line tool: slf4j-simple on stderr, silent by default so that a failure is the one line
 * clairctl prints for it rather than that line plus the library's own warnings; {@code -D} turns on debug.
 * Must run before the first logger is created, which happens when core classes load after parsing.
 */
final class Logging {
    private Logging() {
    }

    static void configure(boolean debug, boolean quiet) {
        set("org.slf4j.simpleLogger.logFile", "System.err");
        set("org.slf4j.simpleLogger.showThreadName", "false");
        set("org.slf4j.simpleLogger.showDateTime", debug ? "true" : "false");
        set("org.slf4j.simpleLogger.showShortLogName", "true");
        set("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "off");
        if (!debug && !quiet) {
            // the one library warning a user must see: registry credentials that will not be used
            set("org.slf4j.simpleLogger.log.io.clair.core.image.DockerConfig", "warn");
        }
        // the PostgreSQL driver logs through java.util.logging
        LogManager.getLogManager().getLogger("").setLevel(debug ? Level.FINE : Level.OFF);
    }

    private static void set(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
