package io.clair.core.notify;

/**
 * What one delivery pass did.
 *
 * @param skipped notifications another replica was delivering, or had delivered meanwhile
 */
public record DeliveryReport(int delivered, int failed, int skipped) {
}
