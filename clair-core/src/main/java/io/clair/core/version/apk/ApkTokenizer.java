package io.clair.core.version.apk;

/**
 * The token reader of apk-tools 2.14 ({@code src/version.c}): it walks a version one token at a time, tracking the
 * token type the next read expects, exactly as {@code get_token}/{@code next_token} do. Comparison and validation
 * are both defined in terms of this walk, so invalid versions still compare the way {@code apk version -t} does.
 */
final class ApkTokenizer {
    // Token types, in apk's order: the order matters, a later type may not follow an earlier one in most cases.
    static final int INVALID = -1;
    static final int DIGIT_OR_ZERO = 0;
    static final int DIGIT = 1;
    static final int LETTER = 2;
    static final int SUFFIX = 3;
    static final int SUFFIX_NO = 4;
    static final int REVISION_NO = 5;
    static final int END = 6;

    private static final String[] PRE_SUFFIXES = {"alpha", "beta", "pre", "rc"};
    private static final String[] POST_SUFFIXES = {"cvs", "svn", "git", "hg", "p"};
    // apk 2.12+ rejects numbers of 18 digits or more instead of overflowing
    private static final int MAX_DIGITS = 18;

    private final String s;
    private int pos;
    /** The type of the token the next {@link #next()} reads. */
    int type = DIGIT;

    ApkTokenizer(String s) {
        this.s = s;
    }

    /** Reads the token of the current {@link #type}, returns its value and moves {@link #type} to the next token's. */
    long next() {
        if (pos >= s.length()) {
            type = END;
            return 0;
        }
        int i = 0;
        int nextType = INVALID;
        long v = 0;
        switch (type) {
            case DIGIT_OR_ZERO:
                if (s.charAt(pos) == '0') {
                    // leading zeros after a dot: every zero but the last counts, as a negative value, so that
                    // 1.0 > 1.00 and 1.01 > 1.001; the last zero stays for the digit token that follows
                    while (pos + i + 1 < s.length() && s.charAt(pos + i + 1) == '0') {
                        i++;
                    }
                    nextType = DIGIT;
                    v = -i;
                    break;
                }
                // fall through: a plain number
            case DIGIT:
            case SUFFIX_NO:
            case REVISION_NO:
                while (pos + i < s.length() && isDigit(s.charAt(pos + i))) {
                    v = v * 10 + (s.charAt(pos + i) - '0');
                    i++;
                    if (i >= MAX_DIGITS) {
                        type = INVALID;
                        return -1;
                    }
                }
                break;
            case LETTER:
                v = s.charAt(pos);
                i = 1;
                break;
            case SUFFIX:
                v = suffixValue();
                if (v == Long.MIN_VALUE) {
                    type = INVALID;
                    return -1;
                }
                i = suffixLength;
                break;
            default:
                type = INVALID;
                return -1;
        }
        pos += i;
        if (pos >= s.length()) {
            type = END;
        } else if (nextType != INVALID) {
            type = nextType;
        } else {
            nextType();
        }
        return v;
    }

    private int suffixLength;

    /** Pre-release suffixes are negative (alpha -4 .. rc -1), post-release ones count from 0; prefix match as apk. */
    private long suffixValue() {
        for (int k = 0; k < PRE_SUFFIXES.length; k++) {
            if (s.startsWith(PRE_SUFFIXES[k], pos)) {
                suffixLength = PRE_SUFFIXES[k].length();
                return k - PRE_SUFFIXES.length;
            }
        }
        for (int k = 0; k < POST_SUFFIXES.length; k++) {
            if (s.startsWith(POST_SUFFIXES[k], pos)) {
                suffixLength = POST_SUFFIXES[k].length();
                return k;
            }
        }
        return Long.MIN_VALUE;
    }

    /** apk's {@code next_token}: decides the type of the next token from the next character, consuming separators. */
    private void nextType() {
        int n = INVALID;
        char c = s.charAt(pos);
        if ((type == DIGIT || type == DIGIT_OR_ZERO) && c >= 'a' && c <= 'z') {
            n = LETTER;
        } else if (type == LETTER && isDigit(c)) {
            n = DIGIT;
        } else if (type == SUFFIX && isDigit(c)) {
            n = SUFFIX_NO;
        } else {
            switch (c) {
                case '.':
                    n = DIGIT_OR_ZERO;
                    break;
                case '_':
                    n = SUFFIX;
                    break;
                case '-':
                    if (pos + 1 < s.length() && s.charAt(pos + 1) == 'r') {
                        n = REVISION_NO;
                        pos++;
                    }
                    break;
                default:
                    break;
            }
            pos++;
        }
        if (n < type) {
            boolean allowed = (n == DIGIT_OR_ZERO && type == DIGIT)
                    || (n == SUFFIX && type == SUFFIX_NO)
                    || (n == DIGIT && type == LETTER);
            if (!allowed) {
                n = INVALID;
            }
        }
        type = n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
