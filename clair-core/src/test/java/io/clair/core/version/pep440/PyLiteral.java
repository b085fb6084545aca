package io.clair.core.version.pep440;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Python expressions that pypa/packaging's tests use as parametrize tables, as extracted verbatim into the
 * vector JSON: literals ({@code None}, booleans, ints, strings), lists, tuples, {@code Version("...")} calls, list
 * concatenation with {@code +}, and list comprehensions of the form {@code [EXPR for a, b in LIST]}. Nothing is
 * executed; anything else is an error.
 */
final class PyLiteral {
    /** A {@code Version("...")} call: a parsed-version argument, distinct from a plain string in packaging. */
    record VersionCall(String text) {
    }

    private interface Node {
        Object eval(Map<String, Object> env);
    }

    private final String s;
    private int pos;

    private PyLiteral(String s) {
        this.s = s;
    }

    /** Evaluates {@code source}; lists and tuples come back as {@link List}, {@code None} as {@code null}. */
    static Object eval(String source) {
        PyLiteral p = new PyLiteral(source);
        Node n = p.expr();
        p.skip();
        if (p.pos != p.s.length()) {
            throw p.error("trailing text");
        }
        return n.eval(Map.of());
    }

    private Node expr() {
        Node left = atom();
        skip();
        while (peek('+')) {
            pos++;
            Node l = left;
            Node r = atom();
            left = env -> {
                List<Object> out = new ArrayList<>((List<?>) l.eval(env));
                out.addAll((List<?>) r.eval(env));
                return out;
            };
            skip();
        }
        return left;
    }

    private Node atom() {
        skip();
        char c = s.charAt(pos);
        if (c == '[') {
            pos++;
            skip();
            if (peek(']')) {
                pos++;
                return env -> new ArrayList<>();
            }
            Node first = expr();
            skip();
            if (s.startsWith("for", pos) && !Character.isLetterOrDigit(s.charAt(pos + 3))) {
                pos += 3;
                List<String> names = new ArrayList<>();
                while (true) {
                    skip();
                    names.add(name());
                    skip();
                    if (!peek(',')) {
                        break;
                    }
                    pos++;
                }
                skip();
                expect("in");
                Node iterable = expr();
                skip();
                expect("]");
                return env -> {
                    List<Object> out = new ArrayList<>();
                    for (Object item : (List<?>) iterable.eval(env)) {
                        Map<String, Object> inner = new HashMap<>(env);
                        if (names.size() == 1) {
                            inner.put(names.get(0), item);
                        } else {
                            List<?> t = (List<?>) item;
                            for (int i = 0; i < names.size(); i++) {
                                inner.put(names.get(i), t.get(i));
                            }
                        }
                        out.add(first.eval(inner));
                    }
                    return out;
                };
            }
            List<Node> items = new ArrayList<>(List.of(first));
            items.addAll(rest(']'));
            return env -> evalAll(items, env);
        }
        if (c == '(') {
            pos++;
            List<Node> items = rest(null);
            return env -> evalAll(items, env);
        }
        if (c == '"' || c == '\'') {
            String str = string();
            return env -> str;
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos++;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            long n = Long.parseLong(s.substring(start, pos));
            return env -> n;
        }
        String word = name();
        switch (word) {
            case "None":
                return env -> null;
            case "True":
                return env -> Boolean.TRUE;
            case "False":
                return env -> Boolean.FALSE;
            case "Version":
                skip();
                expect("(");
                skip();
                String arg = string();
                skip();
                expect(")");
                return env -> new VersionCall(arg);
            default:
                return env -> {
                    if (!env.containsKey(word)) {
                        throw new IllegalArgumentException("python literal: unknown name " + word);
                    }
                    return env.get(word);
                };
        }
    }

    /** Items after the first up to the closing bracket ({@code null} close: a parenthesized tuple or expression). */
    private List<Node> rest(Character close) {
        List<Node> items = new ArrayList<>();
        char end = close == null ? ')' : close;
        while (true) {
            skip();
            if (peek(',')) {
                pos++;
                skip();
            }
            if (peek(end)) {
                pos++;
                return items;
            }
            items.add(expr());
        }
    }

    private static List<Object> evalAll(List<Node> items, Map<String, Object> env) {
        List<Object> out = new ArrayList<>();
        for (Node n : items) {
            out.add(n.eval(env));
        }
        return out;
    }

    private String name() {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return s.substring(start, pos);
    }

    private String string() {
        char q = s.charAt(pos++);
        StringBuilder b = new StringBuilder();
        while (s.charAt(pos) != q) {
            char c = s.charAt(pos++);
            if (c == '\\') {
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'f' -> b.append('\f');
                    case 'v' -> b.append('\u000b');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        pos++;
        return b.toString();
    }

    private void skip() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void expect(String t) {
        if (!s.startsWith(t, pos)) {
            throw error("expected " + t);
        }
        pos += t.length();
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("python literal: " + what + " at " + pos + ": "
                + s.substring(pos, Math.min(s.length(), pos + 40)));
    }
}
