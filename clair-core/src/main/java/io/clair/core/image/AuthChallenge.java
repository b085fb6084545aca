package io.clair.core.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235), such as
 * {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/x:pull"}.
 *
 * @param scheme lowercase ({@code bearer}, {@code basic})
 * @param params parameter names lowercase, values unquoted
 */
record AuthChallenge(String scheme, Map<String, String> params) {
    AuthChallenge {
        params = Map.copyOf(params);
    }

    String param(String name) {
        return params.get(name);
    }

    /** The challenges of one header value, in order; empty for a blank or unparseable value. */
    static List<AuthChallenge> parse(String header) {
        List<AuthChallenge> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        Lexer in = new Lexer(header);
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (in.skipSpaceAndCommas()) {
            String token = in.token();
            if (token.isEmpty()) {
                break; // garbage: keep what was understood so far
            }
            in.skipSpace();
            if (scheme != null && in.peek() == '=') {
                in.next();
                in.skipSpace();
                params.put(token.toLowerCase(Locale.ROOT), in.peek() == '"' ? in.quoted() : in.token());
            } else {
                if (scheme != null) {
                    out.add(new AuthChallenge(scheme, params));
                }
                scheme = token.toLowerCase(Locale.ROOT);
                params = new LinkedHashMap<>();
            }
        }
        if (scheme != null) {
            out.add(new AuthChallenge(scheme, params));
        }
        return out;
    }

    /** A tiny cursor over the header value. */
    private static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        char peek() {
            return i < s.length() ? s.charAt(i) : 0;
        }

        void next() {
            i++;
        }

        void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        boolean skipSpaceAndCommas() {
            while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
                i++;
            }
            return i < s.length();
        }

        /** Characters up to the next quote, equals sign, comma or space: a scheme, parameter name or bare value. */
        String token() {
            int start = i;
            while (i < s.length() && "\"=, \t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return s.substring(start, i);
        }

        String quoted() {
            StringBuilder b = new StringBuilder();
            i++; // opening quote
            while (i < s.length() && s.charAt(i) != '"') {
                if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                    i++;
                }
                b.append(s.charAt(i++));
            }
            i++; // closing quote (or end)
            return b.toString();
        }
    }
}
