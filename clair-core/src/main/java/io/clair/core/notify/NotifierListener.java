package io.clair.core.notify;

import java.time.Duration;

/**
 * Events of a {@link Notifier}, for metrics. Methods are called from notifier threads and must return quickly; the
 * defaults do nothing.
 */
public interface NotifierListener {
    NotifierListener NONE = new NotifierListener() { };

    /** An update operation was looked at, with what came of it. */
    default void processed(ProcessResult result, Duration took) {
    }

    /** Delivering one notification succeeded or failed. */
    default void delivered(String deliverer, boolean ok) {
    }

    /** Garbage collection removed this many notifications. */
    default void collected(int notifications) {
    }
}
