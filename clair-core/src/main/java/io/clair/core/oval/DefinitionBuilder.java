package io.clair.core.oval;

import io.clair.core.oval.OvalDocument.Criteria;
import io.clair.core.oval.OvalDocument.Criterion;
import io.clair.core.oval.OvalDocument.Definition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects one {@code definition} while {@link OvalReader} streams through it. */
final class DefinitionBuilder {
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{2}:\\d{2})(:\\d{2})?)?.*");

    private final String id;
    private final String definitionClass;
    String title = "";
    String description = "";
    String severity = "";
    String issuedDate;
    String publicDate;
    private final Set<String> links = new LinkedHashSet<>();
    final List<String> platforms = new ArrayList<>();
    final List<String> cves = new ArrayList<>();
    private final Deque<CriteriaBuilder> open = new ArrayDeque<>();
    private Criteria root;

    DefinitionBuilder(String id, String definitionClass) {
        this.id = id == null ? "" : id;
        this.definitionClass = definitionClass == null ? "" : definitionClass;
    }

    void link(String url) {
        if (url != null && !url.isBlank()) {
            links.add(url.trim());
        }
    }

    void openCriteria(String operator, boolean negate) {
        open.push(new CriteriaBuilder(operator == null ? "AND" : operator, negate));
    }

    void closeCriteria() {
        CriteriaBuilder done = open.pop();
        Criteria c = new Criteria(done.operator, done.negate, done.criterias, done.criterions);
        if (open.isEmpty()) {
            root = c;
        } else {
            open.peek().criterias.add(c);
        }
    }

    void criterion(String testRef, String comment, boolean negate) {
        if (testRef != null && !open.isEmpty()) {
            open.peek().criterions.add(new Criterion(testRef, comment == null ? "" : comment, negate));
        }
    }

    Definition build() {
        return new Definition(id, definitionClass, title, description, severity,
                instant(issuedDate != null ? issuedDate : publicDate), List.copyOf(links), platforms, cves, root);
    }

    /** {@code 2015-06-11}, {@code 2024-03-12 10:00:00 UTC}, {@code 2018-01-11 21:05} and ISO forms as UTC. */
    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = DATE.matcher(s.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(m.group(1));
            if (m.group(2) == null) {
                return d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            String time = m.group(2) + (m.group(3) == null ? ":00" : m.group(3));
            return LocalDateTime.parse(m.group(1) + "T" + time).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static final class CriteriaBuilder {
        final String operator;
        final boolean negate;
        final List<Criteria> criterias = new ArrayList<>();
        final List<Criterion> criterions = new ArrayList<>();

        CriteriaBuilder(String operator, boolean negate) {
            this.operator = operator;
            this.negate = negate;
        }
    }
}
