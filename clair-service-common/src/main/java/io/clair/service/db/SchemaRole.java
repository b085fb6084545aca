package io.clair.service.db;

/**
 * A database schema a service needs ({@code indexer}, {@code vulnstore}, {@code notifier}). Each service module
 * produces the roles it owns; in the all-in-one process they add up, and each is migrated once at start-up.
 */
public record SchemaRole(String name) {
}
