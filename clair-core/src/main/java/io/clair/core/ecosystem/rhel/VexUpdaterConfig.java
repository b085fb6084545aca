package io.clair.core.ecosystem.rhel;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Configuration of the {@code rhel-vex} updater set, bound from {@code clair.updaters.rhel-vex.*} (Clair:
 * {@code updaters.config.rhel-vex}).
 *
 * @param url                  the VEX directory holding {@code archive_latest.txt}, the archives, {@code changes.csv},
 *                             {@code deletions.csv} and {@code <year>/cve-*.json}; default {@value #DEFAULT_URL}.
 *                             Point it at a mirror that copies the same layout.
 * @param ignoreKernelPackages leave out kernel packages (containers run on the host's kernel); default true, as
 *                             claircore always does
 */
public record VexUpdaterConfig(
        @JsonProperty("url") String url,
        @JsonProperty("ignore_kernel_packages") Boolean ignoreKernelPackages) {

    /** Red Hat's CSAF VEX directory. */
    public static final String DEFAULT_URL = "https://security.access.redhat.com/data/csaf/v2/vex/";

    public VexUpdaterConfig {
        url = url == null || url.isBlank() ? DEFAULT_URL : (url.endsWith("/") ? url : url + "/");
        ignoreKernelPackages = ignoreKernelPackages == null ? Boolean.TRUE : ignoreKernelPackages;
    }
}
