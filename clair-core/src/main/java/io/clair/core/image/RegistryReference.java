package io.clair.core.image;

import io.clair.core.manifest.Digest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image in a registry, normalized the way Docker normalizes names: no registry means {@code docker.io}, a
 * one-component name on Docker Hub gets {@code library/}, and no tag or digest means {@code latest}. The first
 * component is a registry host when it contains a {@code .} or {@code :}, is {@code localhost}, or has upper case
 * ({@code localhost:5000/x}, {@code 127.0.0.1:5000/x}, {@code [::1]:5000/x}, {@code quay.io/org/x}).
 *
 * @param registry   host with optional port, {@code docker.io} for Docker Hub ({@code index.docker.io} is folded in)
 * @param repository lowercase path components separated by {@code /}, e.g. {@code library/alpine}
 * @param tag        the tag, or null when only a digest was given
 * @param digest     the manifest digest, or null; when set it wins over the tag
 */
public record RegistryReference(String registry, String repository, String tag, Digest digest)
        implements ImageReference {
    /** Docker Hub's name in references and its API host. */
    public static final String DOCKER_HUB = "docker.io";
    static final String DOCKER_HUB_API = "registry-1.docker.io";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]{1,5}))?");
    private static final int MAX_NAME = 255;

    public RegistryReference {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        if (tag == null && digest == null) {
            throw new IllegalArgumentException("image reference: " + registry + "/" + repository
                    + " needs a tag or a digest");
        }
    }

    /** Parses {@code [registry/]repo[:tag][@digest]}; see the class comment for the defaults. */
    public static RegistryReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("image reference: empty");
        }
        String rest = text.strip();
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            try {
                digest = Digest.parse(rest.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw invalid(text, e.getMessage());
            }
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/') && colon > rest.lastIndexOf(']')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(text, "invalid tag \"" + tag + "\" (letters, digits, _ . - up to 128, not starting"
                        + " with . or -)");
            }
        }
        String registry = DOCKER_HUB;
        String repository = rest;
        int slash = rest.indexOf('/');
        if (slash > 0 && looksLikeHost(rest.substring(0, slash))) {
            registry = rest.substring(0, slash);
            repository = rest.substring(slash + 1);
            checkHost(text, registry);
        }
        if (registry.equalsIgnoreCase("index.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (repository.isEmpty()) {
            throw invalid(text, "missing repository name");
        }
        if (registry.equals(DOCKER_HUB) && repository.indexOf('/') < 0) {
            repository = "library/" + repository;
        }
        for (String component : repository.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw invalid(text, component.chars().anyMatch(Character::isUpperCase)
                        ? "repository name must be lowercase"
                        : "invalid repository name component \"" + component + "\"");
            }
        }
        if (registry.length() + 1 + repository.length() > MAX_NAME) {
            throw invalid(text, "name longer than " + MAX_NAME + " characters");
        }
        return new RegistryReference(registry, repository, tag == null && digest == null ? "latest" : tag, digest);
    }

    /** The host (and port) to send API requests to: {@code registry-1.docker.io} for Docker Hub. */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API : registry;
    }

    /** What goes after {@code /manifests/}: the digest when known, else the tag. */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    /** This repository at another digest (a platform's manifest picked from an index). */
    public RegistryReference withDigest(Digest d) {
        return new RegistryReference(registry, repository, tag, d);
    }

    @Override
    public String canonical() {
        return registry + "/" + repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    @Override
    public String toString() {
        return canonical();
    }

    private static boolean looksLikeHost(String first) {
        return first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost")
                || first.startsWith("[") || !first.equals(first.toLowerCase(java.util.Locale.ROOT));
    }

    private static void checkHost(String text, String host) {
        var m = HOST.matcher(host);
        if (!m.matches()) {
            throw invalid(text, "invalid registry host \"" + host + "\"");
        }
        if (m.group(1) != null) {
            int port = Integer.parseInt(m.group(1));
            if (port < 1 || port > 65535) {
                throw invalid(text, "registry port " + port + " is out of range");
            }
        }
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("image reference: \"" + text + "\": " + why);
    }
}
