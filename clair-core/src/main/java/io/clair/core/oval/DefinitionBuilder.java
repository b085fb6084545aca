package io.clair.core.oval;

import io.clair.core.oval.OvalDocument.Criteria;
import io.clair.core.oval.OvalDocument.Criterion;
import io.clair.core.oval.OvalDocument.Definition;
import io.clair.core.update.FeedDates;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects one {@code definition} while {@link OvalReader} streams through it. */
final class DefinitionBuilder {

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
                FeedDates.utc(issuedDate != null ? issuedDate : publicDate), List.copyOf(links), platforms, cves, root);
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
